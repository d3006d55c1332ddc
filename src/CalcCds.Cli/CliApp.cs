using System.CommandLine;
using System.Globalization;
using CalcCds.Cli.Feedback;
using CalcCds.Cli.Output;
using CalcCds.Cli.Replay;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace CalcCds.Cli;

/// <summary>The <c>calccds</c> command line. <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/> is the whole program, so tests call it in-process.</summary>
internal static class CliApp
{
    private const string ExitCodeHelp = """
        Exit codes:
          0  every call answered and every expectation met
          1  expectations failed (the diff is printed)
          2  usage error (bad option, missing file, unreadable --key/--expect/--draft)
          3  service or FHIR error (a file that cannot be replayed, a failed call, discovery failed)
        """;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, new ConfigurationBuilder().AddEnvironmentVariables().Build(), cancellationToken);

    /// <summary>The program with its configuration given: the service's keys (CalcCds:Storage:*, CalcCds:Admin:ApiKey),
    /// from the environment in production, from memory in tests.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("calccds: tools for the CalcCds CDS Hooks service (soft-tissue calcification decision support).");
        root.Subcommands.Add(ReplayCommand(output, error));
        root.Subcommands.Add(FeedbackCommand.Create(output, error, configuration, ConsoleFor));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync("error: " + parseError.Message);
            }

            await error.WriteLineAsync($"Run 'calccds {(args is ["feedback", ..] ? "feedback report" : "replay")} --help' for the options.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
    }

    private static Command ReplayCommand(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("bundle-or-folder")
        {
            Description = "FHIR R4 JSON files (a Bundle of any type, or a single resource) or folders of them (*.json, not *.expect.json).",
            Arity = ArgumentArity.OneOrMore,
        };
        var hook = new Option<string[]>("--hook")
        {
            Description = "Hook(s) to call for every patient; repeat for several. order-select/order-sign send the file's draft ServiceRequests.",
            DefaultValueFactory = _ => ["patient-view"],
            AllowMultipleArgumentsPerToken = true,
        };
        hook.AcceptOnlyFromAmong("patient-view", "order-select", "order-sign");
        var draft = new Option<string>("--draft") { HelpName = "FILE", Description = "Draft orders for order hooks: a ServiceRequest or Bundle file (instead of the file's draft ServiceRequests)." };
        var user = new Option<string>("--user") { HelpName = "REFERENCE", Description = "context.userId of the requests.", DefaultValueFactory = _ => "Practitioner/calccds-replay" };
        var prefetch = new Option<string>("--prefetch")
        {
            Description = "full: send every prefetch key; partial: only plain reads (the service runs the searches); none: the service fetches everything.",
            DefaultValueFactory = _ => "full",
        };
        prefetch.AcceptOnlyFromAmong("full", "none", "partial");
        var service = new Option<string>("--service") { HelpName = "URL", Description = "Base URL of a running CalcCds (or any CDS Hooks service); default: an in-process CalcCds on loopback." };
        var key = new Option<string>("--key") { HelpName = "FILE", Description = "Private key (JWK or PEM, EC for ES384 or RSA for RS384) to sign CDS Hooks JWTs for --service." };
        var issuer = new Option<string>("--issuer") { HelpName = "ISS", Description = "iss (and sub) of the signed JWTs; required with --key." };
        var format = new Option<string>("--format") { Description = "table: cards for people; json: one CDS Hooks response per patient per hook, newline-delimited.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var expect = new Option<string>("--expect") { HelpName = "FILE", Description = "Expectations file for every input (default: <name>.expect.json next to each bundle, when present)." };
        var asOf = new Option<string>("--as-of") { HelpName = "DATE", Description = "Pin the in-process service's clock to this date (yyyy-MM-dd); default: the expectations' asOf, else today." };
        var maxMb = new Option<int>("--max-bundle-mb") { HelpName = "MB", Description = "Files larger than this are refused with a message.", DefaultValueFactory = _ => 32 };

        var command = new Command("replay", "Replay FHIR bundles through the CDS services and print the cards.\n\n" + ExitCodeHelp)
        {
            inputs, hook, draft, user, prefetch, service, key, issuer, format, expect, asOf, maxMb,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var options = new ReplayOptions
                {
                    Inputs = parse.GetValue(inputs) ?? [],
                    Hooks = [.. (parse.GetValue(hook) ?? []).Distinct(StringComparer.Ordinal)],
                    DraftFile = parse.GetValue(draft),
                    UserId = parse.GetValue(user)!,
                    Prefetch = Enum.Parse<PrefetchMode>(parse.GetValue(prefetch)!, ignoreCase: true),
                    Service = ServiceUrl(parse.GetValue(service)),
                    KeyFile = parse.GetValue(key),
                    Issuer = parse.GetValue(issuer),
                    Format = Enum.Parse<OutputFormat>(parse.GetValue(format)!, ignoreCase: true),
                    ExpectFile = parse.GetValue(expect),
                    AsOf = Date(parse.GetValue(asOf)),
                    MaxBundleBytes = Math.Max(1, parse.GetValue(maxMb)) * 1024L * 1024L,
                };
                Check(options);
                IReplayReporter reporter = options.Format == OutputFormat.Json
                    ? new JsonReporter(output, error)
                    : new TableReporter(ConsoleFor(output), error);
                if (!ShowProgress(output, error, options))
                {
                    return await new ReplayRunner(options, reporter).RunAsync(cancellationToken);
                }

                var deferred = new DeferredSummaryReporter(reporter);
                var exitCode = await WithProgressAsync(new ReplayRunner(options, deferred), cancellationToken);
                deferred.Flush();
                return exitCode;
            }
            catch (UsageException ex)
            {
                await error.WriteLineAsync("error: " + ex.Message);
                return ExitCodes.Usage;
            }
#pragma warning disable CA1031 // The promise is "never a stack trace": anything unforeseen becomes one line and exit code 3.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await error.WriteLineAsync($"error: {ex.GetType().Name}: {ex.Message}");
                return ExitCodes.ServiceOrFhirError;
            }
        });
        return command;
    }

    /// <summary>
    /// A progress bar on the terminal's error stream, only when standard output goes elsewhere (a file, jq) or is
    /// JSON, so it never interleaves with the card tables.
    /// </summary>
    private static bool ShowProgress(TextWriter output, TextWriter error, ReplayOptions options) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
        && (options.Format == OutputFormat.Json || !ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected);

    private static async Task<int> WithProgressAsync(ReplayRunner runner, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("replaying", autoStart: false);
            runner.FilesFound = count =>
            {
                task.MaxValue = Math.Max(1, count);
                task.StartTask();
            };
            runner.FileDone = file =>
            {
                task.Description = Markup.Escape(Path.GetFileName(file));
                task.Increment(1);
            };
            return await runner.RunAsync(cancellationToken);
        });
    }

    private static void Check(ReplayOptions options)
    {
        if ((options.KeyFile is null) != (options.Issuer is null))
        {
            throw new UsageException("--key and --issuer go together");
        }

        if (options.KeyFile is not null && options.Service is null)
        {
            throw new UsageException("--key signs requests to --service; the in-process service needs no token");
        }

        if (options.AsOf is not null && options.Service is not null)
        {
            throw new UsageException("--as-of pins the in-process service's clock; a running --service keeps its own");
        }
    }

    private static Uri? ServiceUrl(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new UsageException($"--service {value}: not an absolute http(s) URL");
    }

    private static DateOnly? Date(string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new UsageException($"--as-of {value}: expected a date like 2026-11-21");

    /// <summary>Colours only on a real terminal; a redirected or in-memory writer gets plain, wide text.</summary>
    private static IAnsiConsole ConsoleFor(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
