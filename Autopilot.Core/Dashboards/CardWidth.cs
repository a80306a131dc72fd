namespace Autopilot.Core.Dashboards;

/// <summary>DASH-5: a card spans the whole 18-unit row or half of it.</summary>
public enum CardWidth
{
    Full,
    Half,
}
