package org.eventvfs.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eventvfs.server.LogIntegrity.Head;

/**
 * A signed checkpoint: the head of every stream at {@code time}, signed with ed25519, to keep
 * apart from the store. A hash chain cannot show that its tail was cut off; a log that no longer
 * holds a checkpoint's head can. What is signed is {@link #signedText()}, not the JSON, so that
 * reformatting the file does not break the signature but changing any head, the time or the key does.
 *
 * @param publicKey the signing key's X.509 form, base64
 * @param signature base64
 */
record Checkpoint(String format, String time, List<Head> heads, String publicKey, String signature) {
    static final String FORMAT = "eventvfs-checkpoint/1";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    Checkpoint {
        heads = heads == null ? List.of() : List.copyOf(heads);
    }

    static Checkpoint sign(List<Head> heads, Instant time, KeyPair key) {
        String publicKey = Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        Checkpoint unsigned = new Checkpoint(FORMAT, time.toString(), heads, publicKey, null);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(FORMAT, unsigned.time, heads, publicKey,
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new CommandFailure("cannot sign the checkpoint: " + e.getMessage(), e);
        }
    }

    static Checkpoint parse(String text, String file) {
        try {
            Checkpoint checkpoint = JSON.readValue(text, Checkpoint.class);
            if (!FORMAT.equals(checkpoint.format) || checkpoint.publicKey == null || checkpoint.signature == null) {
                throw new CommandFailure(file + ": not a checkpoint (" + FORMAT + " with a public key and a signature)");
            }
            return checkpoint;
        } catch (JsonProcessingException e) {
            throw new CommandFailure(file + ": not a checkpoint: " + e.getOriginalMessage());
        }
    }

    String json() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checkpoint cannot be written as JSON", e);
        }
    }

    /** The key in the file; whether the operator trusts it is for them to say, by its fingerprint. */
    PublicKey signer() {
        try {
            return CheckpointKeys.publicKey(Base64.getDecoder().decode(publicKey));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CommandFailure("the checkpoint's public key is not an ed25519 key");
        }
    }

    /** Whether {@code key} made the signature over this checkpoint's time, heads and key. */
    boolean signedBy(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** One line each: the format, the time, the key, then every head as {@code stream position hash}. */
    private String signedText() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n')
                .append("time ").append(time).append('\n')
                .append("key ").append(publicKey).append('\n');
        for (Head head : heads) {
            text.append(head.stream()).append(' ').append(head.position()).append(' ').append(head.hash())
                    .append('\n');
        }
        return text.toString();
    }
}
