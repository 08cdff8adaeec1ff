using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Mielto.Client.AI.Tools;

/// <summary>
/// Reads a tool's arguments as a model sends them: JSON values (as <c>FunctionInvokingChatClient</c> passes them) or
/// plain .NET values. Only the arguments a tool declares are read: anything else a model adds (a <c>user_id</c>, say)
/// is ignored.
/// </summary>
internal static class ToolArguments
{
    /// <summary>A string argument; null when absent or JSON null.</summary>
    public static string? String(AIFunctionArguments arguments, string name) =>
        arguments.TryGetValue(name, out var value) ? value switch
        {
            null => null,
            string text => text,
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            _ => throw new ToolArgumentException($"{name} must be a string"),
        } : null;

    /// <summary>A whole-number argument; null when absent or JSON null.</summary>
    public static int? Int(AIFunctionArguments arguments, string name)
    {
        if (!arguments.TryGetValue(name, out var value))
        {
            return null;
        }

        return value switch
        {
            null => null,
            int number => number,
            long number and >= int.MinValue and <= int.MaxValue => (int)number,
            double number when number == Math.Floor(number) && Math.Abs(number) < int.MaxValue => (int)number,
            JsonElement { ValueKind: JsonValueKind.Number } element when element.TryGetInt32(out var number) => number,
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            string text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
            JsonElement { ValueKind: JsonValueKind.String } element when int.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw new ToolArgumentException($"{name} must be a whole number"),
        };
    }

    /// <summary>A list of strings; null when absent or JSON null.</summary>
    public static IReadOnlyList<string>? Strings(AIFunctionArguments arguments, string name)
    {
        if (!arguments.TryGetValue(name, out var value))
        {
            return null;
        }

        return value switch
        {
            null or JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            JsonElement { ValueKind: JsonValueKind.Array } array when array.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String) =>
                [.. array.EnumerateArray().Select(i => i.GetString()!)],
            IEnumerable<string> items => [.. items],
            _ => throw new ToolArgumentException($"{name} must be a list of strings"),
        };
    }

    /// <summary>Refuses a missing required argument, and a number outside its range.</summary>
    public static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ToolArgumentException($"{name} is required") : value;

    public static int InRange(int? value, int fallback, int max, string name) => value switch
    {
        null => fallback,
        < 1 => throw new ToolArgumentException($"{name} must be between 1 and {max}"),
        _ when value > max => throw new ToolArgumentException($"{name} must be between 1 and {max}"),
        _ => value.Value,
    };
}
