using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WebUI.Identity;

/// <summary>For `dotnet ef migrations add` only: builds the context without starting the server (sockets, engine).</summary>
internal sealed class WebUIDbContextDesignFactory : IDesignTimeDbContextFactory<WebUIDbContext>
{
    public WebUIDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WebUIDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
