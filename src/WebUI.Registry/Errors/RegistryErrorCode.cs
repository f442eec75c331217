using Microsoft.AspNetCore.Http;

namespace WebUI.Registry.Errors;

/// <summary>The error codes of the OCI distribution spec, each with the status code the spec gives it.</summary>
internal sealed record RegistryErrorCode(string Code, int Status)
{
    public static readonly RegistryErrorCode BlobUnknown = new("BLOB_UNKNOWN", StatusCodes.Status404NotFound);
    public static readonly RegistryErrorCode BlobUploadInvalid = new("BLOB_UPLOAD_INVALID", StatusCodes.Status400BadRequest);
    public static readonly RegistryErrorCode BlobUploadUnknown = new("BLOB_UPLOAD_UNKNOWN", StatusCodes.Status404NotFound);
    public static readonly RegistryErrorCode DigestInvalid = new("DIGEST_INVALID", StatusCodes.Status400BadRequest);
    public static readonly RegistryErrorCode ManifestBlobUnknown = new("MANIFEST_BLOB_UNKNOWN", StatusCodes.Status400BadRequest);
    public static readonly RegistryErrorCode ManifestInvalid = new("MANIFEST_INVALID", StatusCodes.Status400BadRequest);
    public static readonly RegistryErrorCode ManifestUnknown = new("MANIFEST_UNKNOWN", StatusCodes.Status404NotFound);
    public static readonly RegistryErrorCode NameInvalid = new("NAME_INVALID", StatusCodes.Status400BadRequest);
    public static readonly RegistryErrorCode NameUnknown = new("NAME_UNKNOWN", StatusCodes.Status404NotFound);
    public static readonly RegistryErrorCode SizeInvalid = new("SIZE_INVALID", StatusCodes.Status400BadRequest);
    public static readonly RegistryErrorCode Unauthorized = new("UNAUTHORIZED", StatusCodes.Status401Unauthorized);
    public static readonly RegistryErrorCode Denied = new("DENIED", StatusCodes.Status403Forbidden);
    public static readonly RegistryErrorCode Unsupported = new("UNSUPPORTED", StatusCodes.Status405MethodNotAllowed);
    public static readonly RegistryErrorCode RangeInvalid = new("BLOB_UPLOAD_INVALID", StatusCodes.Status416RangeNotSatisfiable);
    public static readonly RegistryErrorCode Unavailable = new("UNAVAILABLE", StatusCodes.Status503ServiceUnavailable);
}
