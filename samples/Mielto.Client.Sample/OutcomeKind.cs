namespace Mielto.Client.Sample;

/// <summary>What happened to one memory id in a <c>delete</c> run.</summary>
internal enum OutcomeKind
{
    NotAttempted,
    Deleted,
    Absent,
    NotFound,
    Failed,
    Cancelled,
}
