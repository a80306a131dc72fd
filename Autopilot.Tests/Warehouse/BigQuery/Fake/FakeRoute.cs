namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>The endpoints the fake speaks; failures are injected per route.</summary>
internal enum FakeRoute
{
    Token,
    JobsInsert,
    JobsQuery,
    GetQueryResults,
    JobsCancel,
    DatasetsList,
    TablesList,
    TablesGet,
    Unknown,
}
