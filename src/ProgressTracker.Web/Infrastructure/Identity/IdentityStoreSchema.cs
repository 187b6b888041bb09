using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// Identity's table layout. Version 3 adds the passkey (WebAuthn) table. Identity's DbContext reads the version
/// from the host's IdentityOptions, so the design-time factories hand it the same options as the app.
/// </summary>
public static class IdentityStoreSchema
{
    public static readonly Version Version = IdentitySchemaVersions.Version3;

    public static IServiceProvider DesignTimeServices() =>
        new ServiceCollection().Configure<IdentityOptions>(o => o.Stores.SchemaVersion = Version).BuildServiceProvider();
}
