using Autopilot.Core.Artifacts;
using Autopilot.Core.Audit;
using Autopilot.Core.Catalog;
using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;

namespace Autopilot.Tests.Infrastructure;

/// <summary>Core's stores over the test Azurite, for reading what a server process wrote.</summary>
public sealed class StorageFactory
{
    public StorageFactory(string tablePrefix)
    {
        Tables = new TableStorage(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = tablePrefix });
        Audit = new AuditLog(Tables, TimeProvider.System);
        Catalog = new CatalogStore(Tables);
        Runs = new WorkflowRunStore(Tables);
        Steps = new StepStore(Tables, TimeProvider.System);
        Artifacts = new ArtifactStore(Tables, TimeProvider.System);
    }

    public TableStorage Tables { get; }

    public AuditLog Audit { get; }

    public CatalogStore Catalog { get; }

    public WorkflowRunStore Runs { get; }

    public StepStore Steps { get; }

    public ArtifactStore Artifacts { get; }
}
