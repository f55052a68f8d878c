package com.fincafacil.farm.domain.sync;

import com.fincafacil.farm.domain.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a farm app's catch-up stopped in its finca's change feed: after the change {@code seq} of
 * the transaction {@code xid}. Opaque to the app (base64url text); it names its finca, so a cursor
 * of one finca is refused on another's feed instead of skipping or leaking changes.
 */
public record ChangeCursor(UUID fincaId, long xid, long seq) {

    public static final String FIELD = "since";
    private static final String VERSION = "c1";

    /** The feed's beginning: before every change. */
    public static ChangeCursor start(UUID fincaId) {
        return new ChangeCursor(fincaId, 0, 0);
    }

    public String encode() {
        String text = VERSION + ":" + fincaId + ":" + xid + ":" + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor an app sent for {@code fincaId}'s feed; refused when it is not one of ours or another finca's. */
    public static ChangeCursor decode(String text, UUID fincaId) {
        ChangeCursor cursor = parse(text);
        if (!cursor.fincaId.equals(fincaId)) {
            throw new InvalidValueException(FIELD, "invalid_cursor", "is the cursor of another finca's changes",
                    "variant", "other_finca");
        }
        return cursor;
    }

    private static ChangeCursor parse(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8).split(":");
            if (parts.length == 4 && parts[0].equals(VERSION)) {
                long xid = Long.parseLong(parts[2]);
                long seq = Long.parseLong(parts[3]);
                if (xid >= 0 && seq >= 0) {
                    return new ChangeCursor(UUID.fromString(parts[1]), xid, seq);
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64, not a UUID, not a number: the same answer as any other broken cursor
        }
        throw new InvalidValueException(FIELD, "invalid_cursor", "is not a cursor this feed gave out", "variant", "malformed");
    }
}
