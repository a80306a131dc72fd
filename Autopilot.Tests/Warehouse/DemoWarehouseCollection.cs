namespace Autopilot.Tests.Warehouse;

/// <summary>Test classes in this collection share one generated demo warehouse (<see cref="DemoWarehouseFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class DemoWarehouseCollection : ICollectionFixture<DemoWarehouseFixture>
{
    public const string Name = "demo-warehouse";
}
