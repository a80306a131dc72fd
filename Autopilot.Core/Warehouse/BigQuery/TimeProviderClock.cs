using Google.Apis.Util;

namespace Autopilot.Core.Warehouse.BigQuery;

/// <summary>Google's clock seam over <see cref="TimeProvider"/>, so token expiry follows the service's (or a test's) clock.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public DateTime Now => time.GetLocalNow().DateTime;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
