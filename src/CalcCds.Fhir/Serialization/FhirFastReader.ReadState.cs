namespace CalcCds.Fhir.Serialization;

internal static partial class FhirFastReader
{
    // The state of the read in progress on this thread: one per thread, reused by every read, emptied when the
    // outermost read ends so that nothing a body contained outlives its read.
    [ThreadStatic]
    private static ReadState? threadState;

    private static ReadState EnterRead()
    {
        var state = threadState ??= new ReadState();
        state.Depth++;
        return state;
    }

    private static void ExitRead(ReadState state)
    {
        if (--state.Depth == 0)
        {
            state.Clear();
        }
    }

    // Only the reader's own methods call this, always inside EnterRead/ExitRead.
    private static ReadState State => threadState!;

    private sealed class ReadState
    {
        // Power of two: a slot is picked by masking the hash. A 100 KB prefetch has a few hundred distinct strings;
        // a miss only costs the allocation it would have cost anyway.
        private const int RepeatSlots = 1024;

        // Strings and dates seen earlier in this read, by hash of their UTF-8 bytes, and small records (codings,
        // concepts, quantities, reference ranges, search modes), by hash of their members: a slot holds the last value
        // that hashed to it, and is only taken after a full comparison (bytes, or the members).
        public object?[] Repeats { get; } = new object?[RepeatSlots];

        // Items of the lists being read, stacked: a list's items sit above those of the lists that contain it until it
        // is copied out to an array of its exact size.
        public object?[] Scratch { get; private set; } = new object?[64];

        public int ScratchTop { get; set; }

        public int Depth { get; set; }

        // The slots this read has handed out (some twice), so that emptying the table after a small read (one
        // prefetch value of a few resources) touches those slots instead of all of them.
        private readonly int[] used = new int[RepeatSlots / 4];
        private int usedCount;
        private int scratchHigh;

        public ref object? RepeatSlot(ReadOnlySpan<byte> utf8) => ref RepeatSlot(VocabularyHash(utf8));

        public ref object? RepeatSlot(uint hash)
        {
            var slot = (int)(hash & (RepeatSlots - 1));
            if (usedCount < used.Length)
            {
                used[usedCount] = slot;
            }

            usedCount++;
            return ref Repeats[slot];
        }

        public void Push(object item)
        {
            if (ScratchTop == Scratch.Length)
            {
                var larger = new object?[Scratch.Length * 2];
                Scratch.CopyTo(larger, 0);
                Scratch = larger;
            }

            Scratch[ScratchTop++] = item;
            scratchHigh = Math.Max(scratchHigh, ScratchTop);
        }

        public void Clear()
        {
            if (usedCount > used.Length)
            {
                Array.Clear(Repeats);
            }
            else
            {
                foreach (var slot in used.AsSpan(0, usedCount))
                {
                    Repeats[slot] = null;
                }
            }

            usedCount = 0;

            Array.Clear(Scratch, 0, scratchHigh);
            scratchHigh = 0;
            ScratchTop = 0;
        }
    }
}
