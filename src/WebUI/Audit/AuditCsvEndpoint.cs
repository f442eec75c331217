using System.Globalization;
using System.Text;
using WebUI.Identity;

namespace WebUI.Audit;

/// <summary>GET /admin/audit.csv: the filtered audit log as CSV, streamed row by row from the database (Admin only).</summary>
internal static class AuditCsvEndpoint
{
    public const string Path = "/admin/audit.csv";

    public static void MapAuditCsv(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, ExportAsync).RequireAuthorization(Policies.Admin);

    private static async Task ExportAsync(HttpContext context, IAuditLog audit, string? user, string? action, string? from, string? to)
    {
        var cancellationToken = context.RequestAborted;
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"webui-audit.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        await writer.WriteLineAsync("time,user,source,front_door,action,resource,result,detail".AsMemory(), cancellationToken);
        await foreach (var e in audit.StreamAsync(AuditQueryString.Filter(user, action, from, to), cancellationToken))
        {
            var line = string.Join(',',
                e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                Field(e.UserName), Field(e.Source), Field(e.FrontDoor), Field(e.Action), Field(e.Resource), Field(e.Result), Field(e.Detail));
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula.</summary>
    internal static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
