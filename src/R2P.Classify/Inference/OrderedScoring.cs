using System.Runtime.ExceptionServices;

namespace R2P.Classify.Inference;

/// <summary>
/// Classifies batches on a fixed number of dedicated scoring threads while the caller's thread reads
/// the input and consumes the results, in input order. Idle threads block on a monitor: on a machine
/// with few cores, a thread pool worker spinning for its next <c>Parallel.For</c> batch takes a core from
/// the thread that reads and writes.
/// </summary>
/// <typeparam name="T">The caller's item.</typeparam>
internal sealed class OrderedScoring<T> : IDisposable
{
    private readonly Func<T, ParagraphClassification> _classify;
    private readonly int _threadCount;
    private readonly CancellationToken _cancellationToken;
    private readonly Queue<Batch> _waiting = new();
    private readonly List<Thread> _threads = [];
    private readonly object _gate = new();
    private int _busy;   // threads scoring a batch
    private bool _stopping;

    /// <param name="classify">Classifies one item; called on the scoring threads.</param>
    /// <param name="threadCount">How many scoring threads at most; they start as batches arrive.</param>
    /// <param name="cancellationToken">Stops scoring early.</param>
    public OrderedScoring(Func<T, ParagraphClassification> classify, int threadCount, CancellationToken cancellationToken)
    {
        _classify = classify;
        _threadCount = threadCount;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Queues <paramref name="items"/> for scoring; wait for its results with <see cref="Batch.Wait"/>.</summary>
    public Batch Submit(T[] items)
    {
        var batch = new Batch(items, _gate);
        lock (_gate)
        {
            _waiting.Enqueue(batch);
            // A thread per batch waiting, up to the limit: a short input never starts more threads than it can use.
            if (_threads.Count < _threadCount && _threads.Count < _waiting.Count + _busy)
            {
                var thread = new Thread(Work) { IsBackground = true, Name = "r2p scoring" };
                _threads.Add(thread);
                thread.Start();
            }

            Monitor.Pulse(_gate);
        }

        return batch;
    }

    /// <summary>Stops the scoring threads once they finish the batch in hand; batches still waiting are dropped.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        foreach (Thread thread in _threads)
        {
            thread.Join();
        }
    }

    private void Work()
    {
        while (true)
        {
            Batch batch;
            lock (_gate)
            {
                while (_waiting.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_gate);
                }

                if (_stopping)
                {
                    return;
                }

                batch = _waiting.Dequeue();
                _busy++;
            }

            ExceptionDispatchInfo? error = null;
            try
            {
                T[] items = batch.Items;
                ParagraphClassification[] results = batch.Results;
                for (int i = 0; i < items.Length; i++)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    results[i] = _classify(items[i]);
                }
            }
#pragma warning disable CA1031 // Any failure belongs to the caller: it is rethrown on the caller's thread when it reaches this batch.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = ExceptionDispatchInfo.Capture(e);
            }

            lock (_gate)
            {
                _busy--;
                batch.Complete(error);
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Items handed to the scoring threads together, and their results once scored.</summary>
    internal sealed class Batch(T[] items, object gate)
    {
        private bool _done;
        private ExceptionDispatchInfo? _error;

        public T[] Items { get; } = items;

        public ParagraphClassification[] Results { get; } = new ParagraphClassification[items.Length];

        /// <summary>Blocks until the batch is scored; rethrows what scoring threw.</summary>
        public ParagraphClassification[] Wait()
        {
            lock (gate)
            {
                while (!_done)
                {
                    Monitor.Wait(gate);
                }
            }

            _error?.Throw();
            return Results;
        }

        /// <summary>Called under the gate by the scoring thread that finished the batch.</summary>
        public void Complete(ExceptionDispatchInfo? error)
        {
            _error = error;
            _done = true;
        }
    }
}
