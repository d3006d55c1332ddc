namespace CalcCds.LoadHost;

/// <summary>
/// One executable, three roles, so bench/load.sh needs one build: <c>serve</c> (the product host plus the baseline
/// route), <c>fhir</c> (a loopback FHIR server that delays every answer) and <c>rate</c> (an open-loop load generator).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var role = args.Length > 0 ? args[0] : "";
        var rest = args.Skip(1).ToArray();
        switch (role)
        {
            case "serve":
                await ServeCommand.RunAsync(rest);
                return 0;
            case "fhir":
                await FhirCommand.RunAsync(Arguments.Parse(rest));
                return 0;
            case "rate":
                return await RateCommand.RunAsync(Arguments.Parse(rest));
            default:
                await Console.Error.WriteLineAsync("usage: CalcCds.LoadHost serve [host args] | fhir --fixture F --delay-ms N | rate --url U --body F --rps R --seconds S");
                return 2;
        }
    }
}
