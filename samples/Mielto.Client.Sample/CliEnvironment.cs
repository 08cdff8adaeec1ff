namespace Mielto.Client.Sample;

/// <summary>
/// Where the tool reads and writes, and what it knows of its terminal; tests run it in-process with their
/// own writers.
/// </summary>
/// <param name="Out">Results and the summary.</param>
/// <param name="Error">Progress, diagnostics and errors.</param>
/// <param name="In">Ids for <c>--from-file -</c>.</param>
/// <param name="IsTerminal">True when output goes to a terminal: progress is shown only then.</param>
/// <param name="Configuration">Settings that take precedence over every configuration source.</param>
/// <param name="ErrorIsTerminal">True when standard error goes to a terminal, whatever standard output does.</param>
/// <param name="InputIsTerminal">True when standard input comes from a terminal, so that a question can be answered.</param>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, TextReader In, bool IsTerminal, IReadOnlyDictionary<string, string?>? Configuration = null, bool ErrorIsTerminal = false, bool InputIsTerminal = true)
{
    public static CliEnvironment FromConsole() =>
        new(Console.Out, Console.Error, Console.In, !Console.IsOutputRedirected && !Console.IsErrorRedirected, ErrorIsTerminal: !Console.IsErrorRedirected, InputIsTerminal: !Console.IsInputRedirected);
}
