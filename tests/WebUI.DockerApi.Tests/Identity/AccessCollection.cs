namespace WebUI.DockerApi.Tests.Identity;

/// <summary>The access tests share one server with the TCP listener (starting one costs seconds on two cores).</summary>
[CollectionDefinition(Name)]
public sealed class AccessCollection : ICollectionFixture<AccessServerFixture>
{
    public const string Name = "access";
}
