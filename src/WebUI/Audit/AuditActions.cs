namespace WebUI.Audit;

/// <summary>Action names recorded by the dashboard and the account pages (the Docker API records "METHOD /route").</summary>
public static class AuditActions
{
    public const string Login = "login";
    public const string LoginFailed = "login.failed";
    public const string Logout = "logout";
    public const string PasswordChange = "password.change";
    public const string Setup = "setup";
    public const string UserCreate = "user.create";
    public const string UserDisable = "user.disable";
    public const string UserEnable = "user.enable";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserRoleChange = "user.role-change";
    public const string ContainerCreate = "container.create";
    public const string ContainerStart = "container.start";
    public const string ContainerStop = "container.stop";
    public const string ContainerRestart = "container.restart";
    public const string ContainerRemove = "container.remove";
    public const string ContainerExec = "container.exec";
    public const string ContainerAttach = "container.attach";
    public const string ContainerFileDownload = "container.file-download";
    public const string ContainerFileUpload = "container.file-upload";
    public const string ImageRemove = "image.remove";
    public const string ImageTag = "image.tag";
    public const string ImageLoad = "image.load";
    public const string ImageSave = "image.save";
    public const string ImagePull = "image.pull";
    public const string ImagePush = "image.push";
    public const string RegistryCredentialAdd = "registry.credential-add";
    public const string RegistryCredentialRemove = "registry.credential-remove";
    public const string VolumeCreate = "volume.create";
    public const string VolumeRemove = "volume.remove";
    public const string TokenCreate = "token.create";
    public const string TokenRevoke = "token.revoke";
    public const string TeamCreate = "team.create";
    public const string TeamDelete = "team.delete";
    public const string TeamMemberAdd = "team.member-add";
    public const string TeamMemberRemove = "team.member-remove";
    public const string SettingsChange = "settings.change";
    public const string ImageBuild = "image.build";
    public const string NetworkCreate = "network.create";
    public const string NetworkRemove = "network.remove";
    public const string NetworkConnect = "network.connect";
    public const string NetworkDisconnect = "network.disconnect";
    public const string RegistryManifestPush = "registry.manifest-push";
    public const string RegistryManifestDelete = "registry.manifest-delete";
    public const string RegistryBlobDelete = "registry.blob-delete";
    public const string RegistryUploadStart = "registry.upload-start";
    public const string RegistryUploadChunk = "registry.upload-chunk";
    public const string RegistryUploadFinish = "registry.upload-finish";
    public const string RegistryUploadCancel = "registry.upload-cancel";
}
