using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NoiseDrift.Conformance.Protocol;

/// <summary>
/// A program started through the shell (<c>/bin/sh -c COMMAND</c>) that speaks JSON lines on stdin/stdout
/// (docs/conformance.md §2). stderr is kept (last lines) for the report. Every wait is bounded by the timeout, and the
/// program is killed on dispose, so a broken program never hangs the suite.
/// </summary>
public sealed class ProcessChannel : IImplementationChannel
{
    private const int KeptErrorLines = 20;
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly TimeSpan _timeout;
    private bool _closed;

    /// <summary>Starts <paramref name="command"/> in <paramref name="workingDirectory"/> (default: current).</summary>
    public ProcessChannel(string command, TimeSpan timeout, string? workingDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        _timeout = timeout;
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        _process = Process.Start(start) ?? throw new ProtocolViolationException($"could not start: {command}", command);
        _process.StandardInput.AutoFlush = true;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            _errors.Enqueue(e.Data);
            while (_errors.Count > KeptErrorLines) _errors.TryDequeue(out string? _);
        };
        _process.BeginErrorReadLine();
        var reader = new Thread(ReadOutput) { IsBackground = true, Name = "certify stdout" };
        reader.Start();
    }

    /// <inheritdoc/>
    public (JsonObject Response, string Line) Exchange(ProtocolRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string requestLine = request.Line;
        try
        {
            _process.StandardInput.WriteLine(requestLine);
        }
        catch (IOException)
        {
            throw Crashed(request, requestLine);
        }
        if (!_lines.TryTake(out var line, _timeout))
        {
            if (_lines.IsCompleted) throw Crashed(request, requestLine);
            throw new ProtocolViolationException(
                $"no answer to request {request.Id} ({request.Op}) within the timeout of {_timeout.TotalSeconds:0.###} s", requestLine);
        }
        return (Parse(line), line);
    }

    /// <summary>Parses one response line: a JSON object, or a violation quoting the line.</summary>
    public static JsonObject Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException)
        {
            if (line.Contains("NaN", StringComparison.Ordinal) || line.Contains("Infinity", StringComparison.Ordinal))
                throw new ProtocolViolationException("response holds a non-finite number (NaN or Infinity), which JSON cannot carry", line);
            throw new ProtocolViolationException("stdout line is not JSON (log to stderr instead)", line);
        }
        return node as JsonObject ?? throw new ProtocolViolationException("response is not a JSON object", line);
    }

    /// <inheritdoc/>
    public void Close()
    {
        if (_closed) return;
        _closed = true;
        try
        {
            _process.StandardInput.WriteLine(new ProtocolRequest(0, "bye", null).Line);
            _process.StandardInput.Close();
            _process.WaitForExit(TimeSpan.FromSeconds(2));
        }
        catch (IOException)
        {
            // The program already exited; nothing to tell it.
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(2));
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _process.Dispose();
    }

    private ProtocolViolationException Crashed(ProtocolRequest request, string requestLine)
    {
        // Once exited, the argument-free wait also drains the asynchronous stderr reader.
        if (_process.WaitForExit(TimeSpan.FromSeconds(2))) _process.WaitForExit();
        string code = _process.HasExited ? $"exit code {_process.ExitCode}" : "stdout closed";
        string lastError = _errors.LastOrDefault() ?? "";
        string stderr = lastError.Length > 0 ? $"; last stderr line: {lastError}" : "";
        return new ProtocolViolationException($"the program stopped ({code}) before answering request {request.Id} ({request.Op}){stderr}",
            requestLine);
    }

    private void ReadOutput()
    {
        try
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                if (line.Length > 0) _lines.Add(line);
            }
        }
        catch (IOException)
        {
            // The pipe broke: the program is gone.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while reading: the channel is closed.
        }
        catch (InvalidOperationException)
        {
            // The process was disposed under the reader.
        }
        _lines.CompleteAdding();
    }
}
