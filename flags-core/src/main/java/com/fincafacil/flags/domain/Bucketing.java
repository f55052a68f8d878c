package com.fincafacil.flags.domain;

import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.charset.StandardCharsets;

/**
 * Puts a finca in a bucket 0..99 per flag, the way Unleash and flagd do, so that any client can
 * compute the same answer (algorithm and test vectors in docs/flags-evaluation.md):
 * murmur3 x86 32-bit, seed 0, over the UTF-8 bytes of {@code flagKey + ":" + fincaId}, read as an
 * unsigned 32-bit number, modulo 100.
 * Salting with the flag key keeps one finca from being first in line for every rollout.
 */
public final class Bucketing {

    public static final int BUCKETS = 100;
    private static final int SEED = 0;

    private Bucketing() {
    }

    /** In [0, 100). A finca is in a rollout of p % iff its bucket is below p, so raising p only adds fincas. */
    public static int bucket(String flagKey, String fincaId) {
        return (int) (unsignedHash(flagKey, fincaId) % BUCKETS);
    }

    /** The murmur3 value before the modulo, published so clients can check their hash step by step. */
    public static long unsignedHash(String flagKey, String fincaId) {
        byte[] bytes = (flagKey + ":" + fincaId).getBytes(StandardCharsets.UTF_8);
        return Integer.toUnsignedLong(MurmurHash3.hash32x86(bytes, 0, bytes.length, SEED));
    }
}
