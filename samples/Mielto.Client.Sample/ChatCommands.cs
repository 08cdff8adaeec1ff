using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Mielto.Client.Sample;

/// <summary>
/// <c>chat [message] --user ID [--conversation ID] [--collection ID ...] [--model M] [--stream]</c>: one turn of Mielto's
/// chat, printed whole or token by token; with no message, an interactive session that keeps its history and ends
/// cleanly on Ctrl+C, an empty line or the end of input.
/// </summary>
internal static class ChatCommands
{
    // Microsoft.Extensions.AI's own serialization of its responses, one per line.
    private static readonly JsonSerializerOptions Json = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    public static Command Build(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var message = new Argument<string?>("message") { Description = "What to say; none starts an interactive session.", Arity = ArgumentArity.ZeroOrOne };
        var user = new Option<string>("--user") { Description = "The end user whose memories the chat recalls (sent as user_id and x-user-id).", Required = true };
        var conversation = new Option<string?>("--conversation") { Description = "The conversation the messages belong to." };
        var collections = new Option<string[]>("--collection") { Description = "A knowledge collection to search; repeat for more.", Arity = ArgumentArity.ZeroOrMore };
        var model = new Option<string>("--model") { Description = "The model.", DefaultValueFactory = _ => "gpt-4o" };
        var stream = new Option<bool>("--stream") { Description = "Print the answer as it arrives." };
        var command = new Command("chat", "Chat with a model that recalls the user's memories and searches the collections.") { message, user, conversation, collections, model, stream };
        return CommandRunner.Define(command, environment, withClient, async (parse, mielto, common, token) =>
        {
            var context = new MieltoChatContext
            {
                UserId = parse.GetValue(user),
                ConversationId = parse.GetValue(conversation),
                CollectionIds = parse.GetValue(collections) is { Length: > 0 } ids ? ids : null,
                WorkspaceId = common.WorkspaceId,
            };
            var chat = mielto.GetChatClient(parse.GetValue(model)!, context);
            var turn = new Turn(environment, chat, parse.GetValue(stream), common.Json);
            if (parse.GetValue(message) is not { } said)
            {
                return await InteractiveAsync(environment, turn, token);
            }

            await turn.RunAsync([new ChatMessage(ChatRole.User, said)], token);
            return ExitCodes.Success;
        });
    }

    /// <summary>Reads a line at a time and answers it, keeping the history, until an empty line, the end of input or Ctrl+C.</summary>
    private static async Task<int> InteractiveAsync(CliEnvironment environment, Turn turn, CancellationToken cancellationToken)
    {
        environment.Error.WriteLine("Chatting; an empty line, Ctrl+D or Ctrl+C ends it.");
        var history = new List<ChatMessage>();
        try
        {
            while (true)
            {
                environment.Error.Write("> ");

                // Console.In does not watch a token: the wait is abandoned on Ctrl+C instead.
                var line = await environment.In.ReadLineAsync(cancellationToken).AsTask().WaitAsync(cancellationToken);
                if (string.IsNullOrWhiteSpace(line))
                {
                    break;
                }

                history.Add(new ChatMessage(ChatRole.User, line));
                try
                {
                    history.AddRange((await turn.RunAsync(history, cancellationToken)).Messages);
                }
                catch (MieltoException error)
                {
                    // The session goes on: the failed message stays unanswered, as in any chat.
                    environment.Out.WriteLine();
                    environment.Error.WriteLine(CliErrors.Describe(error));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            environment.Out.WriteLine();
        }

        environment.Error.WriteLine("Chat ended.");
        return ExitCodes.Success;
    }

    /// <summary>One answer: asked for, printed as it arrives or whole, and returned.</summary>
    private sealed class Turn(CliEnvironment environment, IChatClient chat, bool stream, bool json)
    {
        public async Task<ChatResponse> RunAsync(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken) =>
            stream ? await StreamAsync(messages, cancellationToken) : Print(await chat.GetResponseAsync(messages, cancellationToken: cancellationToken));

        private async Task<ChatResponse> StreamAsync(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
        {
            var updates = new List<ChatResponseUpdate>();
            await foreach (var update in chat.GetStreamingResponseAsync(messages, cancellationToken: cancellationToken))
            {
                updates.Add(update);
                if (json)
                {
                    environment.Out.WriteLine(JsonSerializer.Serialize(update, Json.GetTypeInfo(typeof(ChatResponseUpdate))));
                }
                else
                {
                    environment.Out.Write(update.Text);
                    await environment.Out.FlushAsync(cancellationToken);
                }
            }

            if (!json)
            {
                environment.Out.WriteLine();
            }

            return updates.ToChatResponse();
        }

        private ChatResponse Print(ChatResponse response)
        {
            environment.Out.WriteLine(json ? JsonSerializer.Serialize(response, Json.GetTypeInfo(typeof(ChatResponse))) : response.Text);
            return response;
        }
    }
}
