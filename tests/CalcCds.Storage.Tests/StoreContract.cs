namespace CalcCds.Storage.Tests;

/// <summary>What every store must do; run against SQLite and PostgreSQL by the classes below.</summary>
public abstract class StoreContract
{
    protected static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 30, 0, TimeSpan.Zero);

    protected abstract Task<TestStore> CreateAsync();

    protected static FeedbackEntry Entry(string card, string outcome = "accepted", DateTimeOffset? at = null, string? reason = null) => new()
    {
        ServiceId = "calccds-patient-view",
        CardUuid = card,
        Outcome = outcome,
        AcceptedSuggestionIds = outcome == "accepted" ? ["s-1", "s-2"] : [],
        OverrideReasonSystem = reason is null ? null : "http://calccds.org/fhir/CodeSystem/override-reason",
        OverrideReasonCode = reason,
        OverrideReasonDisplay = reason is null ? null : "Reason " + reason,
        UserComment = reason is null ? null : "seen at the clinic",
        OutcomeTimestamp = at ?? Monday,
        ReceivedAt = (at ?? Monday).AddSeconds(3),
    };

    protected static EvaluationRecord Evaluation(string hookInstance, DateTimeOffset at, params (string Card, string Rule)[] cards) => new()
    {
        HookInstance = hookInstance,
        ServiceId = "calccds-patient-view",
        EvaluatedAt = at,
        Duration = TimeSpan.FromMilliseconds(12.5),
        PrefetchProvided = 3,
        PrefetchFetched = 1,
        Cards = cards.Select(c => new EvaluatedCard(c.Card, c.Rule, "warning")).ToList(),
    };

    protected static EvaluationRecord PatientEvaluation(string hookInstance, DateTimeOffset at, string patientKey, string card, string rule, string fingerprint) => new()
    {
        HookInstance = hookInstance,
        ServiceId = "calccds-patient-view",
        EvaluatedAt = at,
        Duration = TimeSpan.FromMilliseconds(5),
        PrefetchProvided = 3,
        PrefetchFetched = 0,
        PatientKey = patientKey,
        Cards = [new EvaluatedCard(card, rule, "warning") { LesionKey = "left-calf", Fingerprint = fingerprint }],
    };

    protected async Task FeedbackRoundTripsWithTheRuleOfTheEvaluationThatProducedTheCard()
    {
        await using var test = await CreateAsync();
        await test.Store.RecordEvaluationsAsync([Evaluation("hook-1", Monday, ("card-1", "CC1"))], default);
        var sent = Entry("card-1", "overridden", reason: "not-relevant") with { Issuer = "https://ehr.example.org", Tenant = "site-a" };

        await test.Store.AddAsync([sent], default);

        var stored = Assert.Single(await test.Store.ListAsync("card-1", default));
        Assert.Equal(sent with { RuleId = "CC1" }, stored with { AcceptedSuggestionIds = sent.AcceptedSuggestionIds });
        Assert.Equal(sent.AcceptedSuggestionIds, stored.AcceptedSuggestionIds);
    }

    protected async Task AcceptedSuggestionIdsAndAbsentOptionalsRoundTrip()
    {
        await using var test = await CreateAsync();
        var sent = Entry("card-2");

        await test.Store.AddAsync([sent], default);

        var stored = Assert.Single(await test.Store.ListAsync(null, default));
        Assert.Equal(["s-1", "s-2"], stored.AcceptedSuggestionIds);
        Assert.Null(stored.RuleId);
        Assert.Null(stored.OverrideReasonCode);
        Assert.Null(stored.Issuer);
        Assert.Equal(sent.OutcomeTimestamp, stored.OutcomeTimestamp);
    }

    protected async Task EveryReportOfTheSameCardIsKept()
    {
        await using var test = await CreateAsync();

        await test.Store.AddAsync([Entry("card-3", "overridden", reason: "a")], default);
        await test.Store.AddAsync([Entry("card-3", "accepted", Monday.AddMinutes(1))], default);

        var reports = await test.Store.ListAsync("card-3", default);
        Assert.Equal(["overridden", "accepted"], reports.Select(r => r.Outcome));
    }

    protected async Task HundredsOfConcurrentAddsAreAllPersisted()
    {
        await using var test = await CreateAsync();
        var cards = Enumerable.Range(0, 300).Select(i => $"concurrent-{i}").ToList();

        await Task.WhenAll(cards.Select(c => Task.Run(() => test.Store.AddAsync([Entry(c)], default))));

        await using var reopened = test.Reopen();
        var stored = await reopened.ListAsync(null, default);
        Assert.Equal(cards.Order(StringComparer.Ordinal), stored.Select(s => s.CardUuid).Order(StringComparer.Ordinal));
    }

    protected async Task MigrationsAreAppliedOnceAndDataSurvivesAReopen()
    {
        await using var test = await CreateAsync();
        await test.Store.AddAsync([Entry("card-4")], default);

        await using var reopened = test.Reopen();
        await reopened.InitializeAsync(default);
        await reopened.CheckAsync(default);

        Assert.Single(await reopened.ListAsync("card-4", default));
    }

    protected async Task PurgeDeletesOnlyOldEvaluationsAndFeedbackKeepsItsRule()
    {
        await using var test = await CreateAsync();
        await test.Store.RecordEvaluationsAsync([Evaluation("old", Monday.AddDays(-100), ("card-old", "DQ1")), Evaluation("new", Monday, ("card-new", "CC1"))], default);
        await test.Store.AddAsync([Entry("card-old")], default);

        var deleted = await test.Store.PurgeEvaluationsAsync(Monday.AddDays(-90), default);

        Assert.Equal(1, deleted);
        var remaining = Assert.Single(await test.Store.ListEvaluationsAsync(null, default));
        Assert.Equal("new", remaining.HookInstance);
        Assert.Equal([new EvaluatedCard("card-new", "CC1", "warning")], remaining.Cards);
        Assert.Equal("DQ1", Assert.Single(await test.Store.ListAsync("card-old", default)).RuleId);
    }

    protected async Task ARetriedHookCallDoesNotCountItsCardsTwice()
    {
        await using var test = await CreateAsync();
        await test.Store.RecordEvaluationsAsync([Evaluation("hook-r", Monday, ("card-r", "CC1"))], default);
        await test.Store.RecordEvaluationsAsync([Evaluation("hook-r", Monday.AddSeconds(2), ("card-r", "CC1"))], default);

        var facts = await test.Store.ReadReportFactsAsync(Monday.AddDays(-1), Monday.AddDays(1), default);

        Assert.Equal(1, Assert.Single(facts.Shown).Count);
    }

    protected async Task ActedOnCardsAreThePatientsCardsWithFeedbackInsideTheWindow()
    {
        await using var test = await CreateAsync();
        await test.Store.RecordEvaluationsAsync(
        [
            PatientEvaluation("h-acted", Monday, "patient-a", "card-acted", "R06", "fp-1"),
            PatientEvaluation("h-silent", Monday, "patient-a", "card-silent", "R08", "fp-2"),
            PatientEvaluation("h-other", Monday, "patient-b", "card-other", "R06", "fp-3"),
            PatientEvaluation("h-old", Monday.AddDays(-40), "patient-a", "card-old", "R07", "fp-4"),
        ], default);
        await test.Store.AddAsync([Entry("card-acted", "overridden", reason: "a"), Entry("card-other"), Entry("card-old")], default);

        var acted = await test.Store.FindActedOnCardsAsync("patient-a", Monday.AddDays(-30), default);

        Assert.Equal([new ActedOnCard("R06", "left-calf", "fp-1")], acted);
    }

    protected async Task ALookupAfterEarlierLookupsSeesFeedbackAddedInBetween()
    {
        await using var test = await CreateAsync();
        await test.Store.RecordEvaluationsAsync([PatientEvaluation("h-1", Monday, "patient-a", "card-1", "R06", "fp-1")], default);
        // Earlier calls leave their connection and prepared statement behind for the next one.
        Assert.Empty(await test.Store.FindActedOnCardsAsync("patient-a", Monday.AddDays(-30), default));
        Assert.Empty(await test.Store.FindActedOnCardsAsync("patient-a", Monday.AddDays(-30), default));

        await test.Store.AddAsync([Entry("card-1")], default);

        var acted = await test.Store.FindActedOnCardsAsync("patient-a", Monday.AddDays(-30), default);
        Assert.Equal([new ActedOnCard("R06", "left-calf", "fp-1")], acted);
    }

    protected async Task ConcurrentLookupsEachAnswerTheirOwnPatient()
    {
        await using var test = await CreateAsync();
        await test.Store.RecordEvaluationsAsync(
        [
            PatientEvaluation("h-a", Monday, "patient-a", "card-a", "R06", "fp-a"),
            PatientEvaluation("h-b", Monday, "patient-b", "card-b", "R08", "fp-b"),
        ], default);
        await test.Store.AddAsync([Entry("card-a"), Entry("card-b")], default);

        var patients = Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? "patient-a" : i % 3 == 1 ? "patient-b" : "patient-c").ToArray();
        var answers = await Task.WhenAll(patients.Select(p => Task.Run(() => test.Store.FindActedOnCardsAsync(p, Monday.AddDays(-30), default))));

        for (var i = 0; i < patients.Length; i++)
        {
            IReadOnlyList<ActedOnCard> expected = patients[i] switch
            {
                "patient-a" => [new ActedOnCard("R06", "left-calf", "fp-a")],
                "patient-b" => [new ActedOnCard("R08", "left-calf", "fp-b")],
                _ => [],
            };
            Assert.Equal(expected, answers[i]);
        }
    }

    protected async Task ASchemaOneStoreIsMigratedKeepingItsRows()
    {
        await using var test = await CreateAsync();
        await test.Store.RecordEvaluationsAsync([Evaluation("hook-v1", Monday, ("card-v1", "DQ1"))], default);
        await test.Store.AddAsync([Entry("card-v1")], default);
        // Take the database back to what the schema-1 build left behind.
        await test.Execute(SchemaOneSql);

        await using var upgraded = test.Reopen();
        await upgraded.CheckAsync(default);

        Assert.Equal("DQ1", Assert.Single(await upgraded.ListAsync("card-v1", default)).RuleId);
        Assert.Null(Assert.Single(Assert.Single(await upgraded.ListEvaluationsAsync("hook-v1", default)).Cards).Fingerprint);
        Assert.Empty(await upgraded.FindActedOnCardsAsync("patient-a", Monday.AddDays(-30), default));
    }

    protected async Task FeedbackReceivedBeforeItsCardIsLoggedIsFoundOnceTheCardIs()
    {
        await using var test = await CreateAsync();
        // The evaluation log is written in batches, so a quick click can be stored before the card it is about.
        await test.Store.AddAsync([Entry("card-early", "overridden", reason: "a")], default);

        await test.Store.RecordEvaluationsAsync([PatientEvaluation("h-early", Monday, "patient-a", "card-early", "R06", "fp-1")], default);

        var acted = await test.Store.FindActedOnCardsAsync("patient-a", Monday.AddDays(-30), default);
        Assert.Equal([new ActedOnCard("R06", "left-calf", "fp-1")], acted);
    }

    protected async Task FeedbackStoredBeforeMigrationThreeIsFoundAfterIt()
    {
        await using var test = await CreateAsync();
        await test.Store.RecordEvaluationsAsync([PatientEvaluation("h-v2", Monday, "patient-a", "card-v2", "R06", "fp-1")], default);
        await test.Store.AddAsync([Entry("card-v2")], default);
        await test.Execute(SchemaTwoSql);

        await using var upgraded = test.Reopen();
        await upgraded.CheckAsync(default);

        var acted = await upgraded.FindActedOnCardsAsync("patient-a", Monday.AddDays(-30), default);
        Assert.Equal([new ActedOnCard("R06", "left-calf", "fp-1")], acted);
    }

    /// <summary>Takes the database back to what the schema-2 build left behind.</summary>
    private const string SchemaTwoSql = """
        DROP INDEX ix_feedback_patient;
        ALTER TABLE feedback DROP COLUMN patient_key;
        DELETE FROM schema_version WHERE version = 3;
        """;

    private const string SchemaOneSql = SchemaTwoSql + """
        DROP INDEX ix_evaluation_card_patient;
        ALTER TABLE evaluation_card DROP COLUMN fingerprint;
        ALTER TABLE evaluation_card DROP COLUMN lesion_key;
        ALTER TABLE evaluation_card DROP COLUMN patient_key;
        ALTER TABLE evaluation DROP COLUMN patient_key;
        DELETE FROM schema_version WHERE version = 2;
        """;

    protected async Task ReportNumbersMatchAKnownFeedbackSet()
    {
        await using var test = await CreateAsync();
        // Week of Monday 16 Nov: CC1 shown 4 times, DQ1 twice. Week of 23 Nov: CC1 once.
        await test.Store.RecordEvaluationsAsync(
        [
            Evaluation("h1", Monday, ("c1", "CC1"), ("d1", "DQ1")),
            Evaluation("h2", Monday.AddDays(1), ("c2", "CC1"), ("d2", "DQ1")),
            Evaluation("h3", Monday.AddDays(2), ("c3", "CC1")),
            Evaluation("h4", Monday.AddDays(6), ("c4", "CC1")),
            Evaluation("h5", Monday.AddDays(7), ("c5", "CC1")),
        ], default);
        await test.Store.AddAsync(
        [
            Entry("c1", "accepted", Monday.AddHours(1)),
            Entry("c1", "accepted", Monday.AddHours(2)), // the same card reported twice counts once
            Entry("c2", "overridden", Monday.AddDays(1), "not-relevant"),
            Entry("c3", "overridden", Monday.AddDays(2), "not-relevant"),
            Entry("c4", "overridden", Monday.AddDays(6), "patient-declined"),
            Entry("d1", "overridden", Monday.AddHours(1)),
            Entry("c5", "accepted", Monday.AddDays(7)),
        ], default);

        var facts = await test.Store.ReadReportFactsAsync(Monday.AddDays(-1), Monday.AddDays(14), default);
        var report = FeedbackReport.Build(facts, Monday.AddDays(-1), Monday.AddDays(14), ReportPeriod.Week);

        var week1 = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
        var cc1 = Assert.Single(report.Rules, r => r.RuleId == "CC1" && r.PeriodStart == week1);
        Assert.Equal((4L, 1, 3, 0.25), (cc1.Shown, cc1.Accepted, cc1.Overridden, cc1.AcceptanceRate!.Value));
        Assert.Equal([("not-relevant", 2), ("patient-declined", 1)], cc1.OverrideReasons.Select(r => (r.Code!, r.Cards)));
        var dq1 = Assert.Single(report.Rules, r => r.RuleId == "DQ1");
        Assert.Equal((2L, 0, 1, 0.0), (dq1.Shown, dq1.Accepted, dq1.Overridden, dq1.AcceptanceRate!.Value));
        Assert.Null(Assert.Single(dq1.OverrideReasons).Code);
        var cc1Week2 = Assert.Single(report.Rules, r => r.RuleId == "CC1" && r.PeriodStart == week1.AddDays(7));
        Assert.Equal((1L, 1, 0, 1.0), (cc1Week2.Shown, cc1Week2.Accepted, cc1Week2.Overridden, cc1Week2.AcceptanceRate!.Value));
        Assert.Equal(3, report.Rules.Count);
    }
}

public sealed class SqliteStoreTests : StoreContract
{
    protected override Task<TestStore> CreateAsync() => TestStore.SqliteAsync();

    [Fact] public Task Feedback_round_trips_with_the_rule_of_the_evaluation_that_produced_the_card() => FeedbackRoundTripsWithTheRuleOfTheEvaluationThatProducedTheCard();

    [Fact] public Task Accepted_suggestion_ids_and_absent_optionals_round_trip() => AcceptedSuggestionIdsAndAbsentOptionalsRoundTrip();

    [Fact] public Task Every_report_of_the_same_card_is_kept() => EveryReportOfTheSameCardIsKept();

    [Fact] public Task Hundreds_of_concurrent_adds_are_all_persisted() => HundredsOfConcurrentAddsAreAllPersisted();

    [Fact] public Task Migrations_are_applied_once_and_data_survives_a_reopen() => MigrationsAreAppliedOnceAndDataSurvivesAReopen();

    [Fact] public Task Purge_deletes_only_old_evaluations_and_feedback_keeps_its_rule() => PurgeDeletesOnlyOldEvaluationsAndFeedbackKeepsItsRule();

    [Fact] public Task A_retried_hook_call_does_not_count_its_cards_twice() => ARetriedHookCallDoesNotCountItsCardsTwice();

    [Fact] public Task Report_numbers_match_a_known_feedback_set() => ReportNumbersMatchAKnownFeedbackSet();

    [Fact] public Task Acted_on_cards_are_the_patients_cards_with_feedback_inside_the_window() => ActedOnCardsAreThePatientsCardsWithFeedbackInsideTheWindow();

    [Fact] public Task A_schema_one_store_is_migrated_keeping_its_rows() => ASchemaOneStoreIsMigratedKeepingItsRows();

    [Fact] public Task Feedback_received_before_its_card_is_logged_is_found_once_the_card_is() => FeedbackReceivedBeforeItsCardIsLoggedIsFoundOnceTheCardIs();

    [Fact] public Task Feedback_stored_before_migration_three_is_found_after_it() => FeedbackStoredBeforeMigrationThreeIsFoundAfterIt();

    [Fact] public Task A_lookup_after_earlier_lookups_sees_feedback_added_in_between() => ALookupAfterEarlierLookupsSeesFeedbackAddedInBetween();

    [Fact] public Task Concurrent_lookups_each_answer_their_own_patient() => ConcurrentLookupsEachAnswerTheirOwnPatient();

    [Fact]
    public async Task Acted_on_card_lookup_starts_from_the_patients_feedback()
    {
        await using var test = await TestStore.SqliteAsync();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={((SqliteFeedbackStore)test.Store).DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqlFeedbackStore.ActedOnCardsSql;
        command.Parameters.AddWithValue("@patient", "patient-a");
        command.Parameters.AddWithValue("@since", Monday.ToUnixTimeMilliseconds());
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        // The outer loop decides the cost: the patient's feedback rows, never the patient's evaluation history.
        Assert.StartsWith("SEARCH f USING INDEX ix_feedback_patient (patient_key=? AND received_unix_ms>?)", plan[0], StringComparison.Ordinal);
        Assert.Contains(plan, step => step.StartsWith("SEARCH c USING INDEX sqlite_autoindex_evaluation_card_1 (card_uuid=?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_that_may_not_migrate_creates_no_database_for_a_missing_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "calccds-missing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var store = new SqliteFeedbackStore(folder, TimeSpan.FromSeconds(1)) { ApplyMigrations = false };

            await Assert.ThrowsAnyAsync<Exception>(() => store.ReadReportFactsAsync(Monday.AddDays(-1), Monday, default));

            Assert.False(File.Exists(store.DatabasePath));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_store_that_may_not_migrate_reads_a_newer_schema_without_touching_it()
    {
        await using var test = await TestStore.SqliteAsync();
        await test.Store.RecordEvaluationsAsync([Evaluation("hook-ro", Monday, ("card-ro", "DQ1"))], default);
        await test.Execute("INSERT INTO schema_version (version, applied_unix_ms) VALUES (99, 0)");
        await using var reader = new SqliteFeedbackStore(((SqliteFeedbackStore)test.Store).DataFolder, TimeSpan.FromSeconds(1)) { ApplyMigrations = false };

        var facts = await reader.ReadReportFactsAsync(Monday.AddDays(-1), Monday.AddDays(1), default);

        Assert.Equal(1, Assert.Single(facts.Shown).Count);
    }

    [Fact]
    public async Task Check_fails_when_the_data_folder_cannot_be_created()
    {
        var file = Path.GetTempFileName();
        try
        {
            await using var store = new SqliteFeedbackStore(Path.Combine(file, "data"), TimeSpan.FromSeconds(1));
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CheckAsync(default));
            Assert.Contains(store.DataFolder, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Check_fails_when_the_database_file_disappears()
    {
        await using var test = await TestStore.SqliteAsync();
        var store = (SqliteFeedbackStore)test.Store;
        File.Move(store.DatabasePath, store.DatabasePath + ".moved");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CheckAsync(default));
            Assert.Contains(store.DatabasePath, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Move(store.DatabasePath + ".moved", store.DatabasePath);
        }
    }

    [Fact]
    public async Task A_connection_the_pool_hands_back_keeps_full_sync_and_the_busy_timeout()
    {
        await using var test = await TestStore.SqliteAsync(); // busy timeout 10 s
        var store = (SqliteFeedbackStore)test.Store;
        await using (await store.OpenForTestsAsync())
        {
        }

        await using var reused = await store.OpenForTestsAsync();
        await using var command = reused.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, (long?)await command.ExecuteScalarAsync()); // FULL
        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(10_000L, (long?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Database_is_in_wal_mode()
    {
        await using var test = await TestStore.SqliteAsync();
        var path = ((SqliteFeedbackStore)test.Store).DatabasePath;
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}

public sealed class PostgresStoreTests : StoreContract
{
    protected override Task<TestStore> CreateAsync() => TestStore.PostgresAsync();

    [PostgresFact] public Task Feedback_round_trips_with_the_rule_of_the_evaluation_that_produced_the_card() => FeedbackRoundTripsWithTheRuleOfTheEvaluationThatProducedTheCard();

    [PostgresFact] public Task Accepted_suggestion_ids_and_absent_optionals_round_trip() => AcceptedSuggestionIdsAndAbsentOptionalsRoundTrip();

    [PostgresFact] public Task Every_report_of_the_same_card_is_kept() => EveryReportOfTheSameCardIsKept();

    [PostgresFact] public Task Hundreds_of_concurrent_adds_are_all_persisted() => HundredsOfConcurrentAddsAreAllPersisted();

    [PostgresFact] public Task Migrations_are_applied_once_and_data_survives_a_reopen() => MigrationsAreAppliedOnceAndDataSurvivesAReopen();

    [PostgresFact] public Task Purge_deletes_only_old_evaluations_and_feedback_keeps_its_rule() => PurgeDeletesOnlyOldEvaluationsAndFeedbackKeepsItsRule();

    [PostgresFact] public Task A_retried_hook_call_does_not_count_its_cards_twice() => ARetriedHookCallDoesNotCountItsCardsTwice();

    [PostgresFact] public Task Report_numbers_match_a_known_feedback_set() => ReportNumbersMatchAKnownFeedbackSet();

    [PostgresFact] public Task Acted_on_cards_are_the_patients_cards_with_feedback_inside_the_window() => ActedOnCardsAreThePatientsCardsWithFeedbackInsideTheWindow();

    [PostgresFact] public Task A_schema_one_store_is_migrated_keeping_its_rows() => ASchemaOneStoreIsMigratedKeepingItsRows();

    [PostgresFact] public Task Feedback_received_before_its_card_is_logged_is_found_once_the_card_is() => FeedbackReceivedBeforeItsCardIsLoggedIsFoundOnceTheCardIs();

    [PostgresFact] public Task Feedback_stored_before_migration_three_is_found_after_it() => FeedbackStoredBeforeMigrationThreeIsFoundAfterIt();

    [PostgresFact] public Task A_lookup_after_earlier_lookups_sees_feedback_added_in_between() => ALookupAfterEarlierLookupsSeesFeedbackAddedInBetween();

    [PostgresFact] public Task Concurrent_lookups_each_answer_their_own_patient() => ConcurrentLookupsEachAnswerTheirOwnPatient();

    [PostgresFact]
    public async Task Check_fails_when_the_server_is_down()
    {
        // A port nothing listens on: bind one, note it, release it.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var store = new PostgresFeedbackStore($"Host=127.0.0.1;Port={port};Database=calccds;Username=postgres;Timeout=2");

        await Assert.ThrowsAnyAsync<Exception>(() => store.CheckAsync(default));
    }
}
