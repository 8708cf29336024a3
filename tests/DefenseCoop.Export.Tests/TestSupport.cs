using DuckDB.NET.Data;

namespace DefenseCoop.Export.Tests;

/// <summary>Locates the public datasets beside the repository, for tests that skip where they are absent.</summary>
internal static class RawData
{
    public static string Require(string relative)
    {
        string? path = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "DefenseCoop.Core.sln"))) continue;
            path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "raw", relative));
            break;
        }
        Assert.SkipWhen(path is null || !File.Exists(path),
            $"The raw dataset '{relative}' is not present under ../shared/data/raw; this integration test reads it and runs where it is.");
        return path!;
    }
}

/// <summary>A temporary directory, deleted with its files when disposed.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "defensecoop-export-" + Guid.NewGuid().ToString("N")[..12]);

    public TempDirectory() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>SQL over exported files with an in-memory DuckDB.</summary>
internal sealed class DuckDb : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public DuckDb() => _connection.Open();

    /// <summary>The SQL expression that reads a table exported in <paramref name="format"/> to <paramref name="directory"/>.</summary>
    public static string Table(string directory, string table, string format) => format switch
    {
        "parquet" => $"read_parquet('{Path.Combine(directory, table + ".parquet")}')",
        // The dialect stated (a sniffer that samples the first rows may see no quote), and every column as text, cast where a
        // query needs a type: the test reads what the file says, not what DuckDB guesses.
        "csv" => $"read_csv('{Path.Combine(directory, table + ".csv")}', header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true)",
        "jsonl" => $"read_json('{Path.Combine(directory, table + ".jsonl")}', format = 'newline_delimited')",
        _ => throw new ArgumentException(format),
    };

    public List<object?[]> Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public T Scalar<T>(string sql) => (T)Convert.ChangeType(Query(sql).Single()[0]!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _connection.Dispose();
}
