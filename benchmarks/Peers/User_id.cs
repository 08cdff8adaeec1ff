namespace Mielto.Client.Benchmarks.Peers.NSwag;

/// <summary>
/// The fair fix for NSwag's reading of OpenAPI 3.1's <c>anyOf [string, null]</c>: it generates an empty class for the
/// <c>user_id</c> parameter and sends its type name as the value. With this, it sends the string it holds.
/// </summary>
public partial class User_id
{
    public string Value { get; set; }

    public override string ToString() => Value;
}
