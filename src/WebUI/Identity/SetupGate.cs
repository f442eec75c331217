using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace WebUI.Identity;

/// <summary>
/// The first-run door. Open only while no admin was ever created; then a one-time code (printed to the log, kept in memory only)
/// lets the first visitor create the admin, once. Closing is recorded in webui.db, so /setup stays closed after a restart.
/// </summary>
public sealed partial class SetupGate(IServiceScopeFactory scopes, TimeProvider time, ILogger<SetupGate> logger)
{
    /// <summary>Wrong codes tolerated before the code is void (a restart prints a new one).</summary>
    public const int MaxWrongCodes = 10;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private byte[]? _code;
    private int _wrongCodes;

    /// <summary>Whether /setup may be served.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>At start, after the migrations: decides whether setup is needed and how (bootstrap password or setup code).</summary>
    internal async Task InitializeAsync(string? bootstrapAdminPassword, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebUIDbContext>();
        var done = await db.Installation.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken);
        if (done)
        {
            IsOpen = false;
            return;
        }
        if (!string.IsNullOrEmpty(bootstrapAdminPassword))
        {
            var result = await CreateAdminAsync(scope.ServiceProvider, "admin", bootstrapAdminPassword, "bootstrap password", cancellationToken);
            if (!result.Succeeded)
                throw new InvalidOperationException("Auth:BootstrapAdminPassword is not accepted: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            LogBootstrapped(logger);
            IsOpen = false;
            return;
        }
        _code = NewCode();
        IsOpen = true;
        LogSetupCode(logger, System.Text.Encoding.ASCII.GetString(_code));
    }

    /// <summary>Creates the first admin when <paramref name="code"/> is the setup code; afterwards the gate is closed for good.</summary>
    public async Task<SetupOutcome> CompleteAsync(string code, string userName, string password, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!IsOpen || _code is null) return SetupOutcome.Closed;
            var given = System.Text.Encoding.ASCII.GetBytes(Normalize(code));
            if (!CryptographicOperations.FixedTimeEquals(given, _code))
            {
                if (++_wrongCodes >= MaxWrongCodes)
                {
                    _code = null;
                    LogCodeVoid(logger, MaxWrongCodes);
                }
                return SetupOutcome.WrongCode;
            }
            await using var scope = scopes.CreateAsyncScope();
            var result = await CreateAdminAsync(scope.ServiceProvider, userName.Trim(), password, "setup code", cancellationToken);
            if (!result.Succeeded) return SetupOutcome.Invalid(result.Errors.Select(e => e.Description).ToList());
            _code = null;
            IsOpen = false;
            return SetupOutcome.Done;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<IdentityResult> CreateAdminAsync(IServiceProvider services, string userName, string password, string method, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<WebUIDbContext>();
        var users = services.GetRequiredService<UserManager<WebUIUser>>();
        // User, role and the closed gate commit together: a crash leaves either no admin and an open gate, or both done.
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new WebUIUser { UserName = userName, CreatedAt = time.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return result;
        result = await users.AddToRoleAsync(user, Roles.Admin);
        if (!result.Succeeded) return result;
        db.Installation.Add(new InstallationState { SetupCompletedAt = time.GetUtcNow(), SetupMethod = method });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return IdentityResult.Success;
    }

    /// <summary>12 characters from an alphabet without look-alikes, shown as XXXX-XXXX-XXXX; about 60 bits.</summary>
    private static byte[] NewCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[14];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = i is 4 or 9 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return System.Text.Encoding.ASCII.GetBytes(chars);
    }

    private static string Normalize(string code)
    {
        var letters = new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return letters.Length == 12 ? $"{letters[..4]}-{letters[4..8]}-{letters[8..]}" : letters;
    }
}
