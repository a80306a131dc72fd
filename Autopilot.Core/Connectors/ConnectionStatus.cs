namespace Autopilot.Core.Connectors;

public static class ConnectionStatus
{
    public const string Active = "active";
    public const string Disconnected = "disconnected";
}
