namespace ProgressTracker.Web.Tests.Support;

/// <summary>
/// One embedded app (SQLite + files + in-memory jobs) shared by the tests of the <see cref="EmbeddedApp"/>
/// collection. Each test makes its own patient, so tests never see each other's records; what a test asserts
/// about the whole database (counts, sweeps) it must scope to its own patient or visit.
/// </summary>
public sealed class EmbeddedAppFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(StorageMode.Embedded);

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
    }
}

/// <summary>One production-shaped app (its own PostgreSQL database and Azurite container) for the
/// <see cref="ProductionApp"/> collection.</summary>
public sealed class ProductionAppFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(StorageMode.Production);

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
    }
}

/// <summary>API and hosting tests on the shared embedded app; they run one after another, alongside other collections.</summary>
[CollectionDefinition(Name)]
public sealed class EmbeddedApp : ICollectionFixture<EmbeddedAppFixture>
{
    public const string Name = "Embedded app";
}

/// <summary>Tests on the shared PostgreSQL + Azurite app.</summary>
[CollectionDefinition(Name)]
public sealed class ProductionApp : ICollectionFixture<ProductionAppFixture>
{
    public const string Name = "Production app";
}

/// <summary>Browser tests: an embedded app of their own (so they run alongside the API tests) and the shared Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserApp : ICollectionFixture<EmbeddedAppFixture>
{
    public const string Name = "Browser app";
}
