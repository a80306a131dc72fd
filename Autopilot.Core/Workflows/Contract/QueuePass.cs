namespace Autopilot.Core.Workflows.Contract;

/// <summary>Body of POST /workflows/process-queue. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record QueuePass(int Processed, int Skipped, int DeadLettered, int DeferredDueCapacity, int QueuedTotal, int SlotsReclaimed);
