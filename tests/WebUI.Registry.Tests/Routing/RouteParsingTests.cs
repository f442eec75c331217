using WebUI.Registry.Routing;

namespace WebUI.Registry.Tests.Routing;

public sealed class RouteParsingTests
{
    [Theory]
    [InlineData("", "Base", "", "")]
    [InlineData("_catalog", "Catalog", "", "")]
    [InlineData("a/b/c/tags/list", "Tags", "a/b/c", "")]
    [InlineData("team/app/manifests/v1", "Manifest", "team/app", "v1")]
    [InlineData("blobs/manifests/blobs/sha256:x", "Blob", "blobs/manifests", "sha256:x")]
    [InlineData("team/blobs/uploads/", "Uploads", "team", "")]
    [InlineData("team/blobs/uploads", "Uploads", "team", "")]
    [InlineData("team/blobs/uploads/abc", "Upload", "team", "abc")]
    [InlineData("x/referrers/sha256:y", "Referrers", "x", "sha256:y")]
    public void Repository_names_with_slashes_and_resource_words_are_split_from_the_end(string path, string kind, string name, string reference)
    {
        var route = RegistryRoute.Parse(path);
        Assert.NotNull(route);
        Assert.Equal(kind, route.Kind.ToString());
        Assert.Equal(name, route.Name);
        Assert.Equal(reference, route.Reference);
    }

    [Theory]
    [InlineData("team/app")]
    [InlineData("manifests/x")]
    public void A_path_naming_no_resource_is_not_a_route(string path) => Assert.Null(RegistryRoute.Parse(path));
}
