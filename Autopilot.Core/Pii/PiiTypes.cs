namespace Autopilot.Core.Pii;

/// <summary>The PII type names used in tags, value matches and the review API.</summary>
public static class PiiTypes
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Ssn = "ssn";
    public const string CreditCard = "credit_card";
    public const string IpAddress = "ip_address";
    public const string Passport = "passport";
    public const string Address = "address";
    public const string DateOfBirth = "date_of_birth";
}
