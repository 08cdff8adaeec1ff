namespace Mielto.Client.Json;

/// <summary>A string value with known members that accepts any other string: how it is made from its wire value.</summary>
/// <typeparam name="TSelf">The value type.</typeparam>
internal interface IExtensibleValue<TSelf>
    where TSelf : struct
{
    /// <summary>The value for the string the server sent.</summary>
    static abstract TSelf FromWire(string value);
}
