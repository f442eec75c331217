using WebUI.Engine.Errors;
using WebUI.Engine.Runtime;

namespace WebUI.Engine.Tests.Runtime;

public sealed class UserResolverTests
{
    private static readonly IReadOnlyList<string[]> Passwd =
    [
        "root:x:0:0:root:/root:/bin/sh".Split(':'),
        "app:x:1000:1001:app:/home/app:/bin/sh".Split(':'),
    ];

    private static readonly IReadOnlyList<string[]> Groups =
    [
        "root:x:0:".Split(':'),
        "staff:x:50:app".Split(':'),
        "appgrp:x:1001:".Split(':'),
    ];

    [Fact]
    public void Empty_IsRoot() => Assert.Equal(new ResolvedUser(0, 0, [], "/root").Uid, UserResolver.Resolve("", Passwd, Groups).Uid);

    [Fact]
    public void Name_TakesUidGidHomeAndSupplementaryGroups()
    {
        var u = UserResolver.Resolve("app", Passwd, Groups);
        Assert.Equal((1000u, 1001u, "/home/app"), (u.Uid, u.Gid, u.Home));
        Assert.Equal([50u], u.AdditionalGids);
    }

    [Fact]
    public void UnknownUid_IsUsedAsIs() => Assert.Equal((4242u, 0u), (UserResolver.Resolve("4242", Passwd, Groups).Uid, UserResolver.Resolve("4242", Passwd, Groups).Gid));

    [Fact]
    public void UidColonGid_AndNameColonGroup()
    {
        Assert.Equal((7u, 8u), Pair(UserResolver.Resolve("7:8", Passwd, Groups)));
        var u = UserResolver.Resolve("app:staff", Passwd, Groups);
        Assert.Equal((1000u, 50u), Pair(u));
        Assert.Empty(u.AdditionalGids);
    }

    [Fact]
    public void UnknownName_IsAnError()
    {
        var e = Assert.Throws<EngineException>(() => UserResolver.Resolve("nobody", Passwd, Groups));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Throws<EngineException>(() => UserResolver.Resolve("app:nogroup", Passwd, Groups));
    }

    private static (uint, uint) Pair(ResolvedUser u) => (u.Uid, u.Gid);
}
