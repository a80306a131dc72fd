namespace Autopilot.Core.Admission;

/// <summary>What one pass over a tenant's queue did (the seed's process-queue counts, QUEUE-5..11).</summary>
public sealed record QueuePass(int Processed, int Skipped, int DeadLettered, int DeferredDueCapacity, int QueuedTotal, int SlotsReclaimed);
