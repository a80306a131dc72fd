namespace Autopilot.Core.Tenancy;

public enum UserRole
{
    Viewer,
    Member,
    Admin,
}
