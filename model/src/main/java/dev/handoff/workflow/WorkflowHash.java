package dev.handoff.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of a workflow's meaning for run manifests: SHA-256 (hex) of its canonical JSON with the layout
 * removed (positions never change the semantics) and the writer stamp removed (re-saving with another app version
 * does not change the workflow).
 */
public final class WorkflowHash {
    private WorkflowHash() {
    }

    /** 64 lower-case hex digits. */
    public static String of(Workflow workflow) {
        ObjectNode tree = WorkflowJson.toTree(workflow);
        tree.remove("layout");
        tree.remove("writtenBy");
        byte[] canonical = WorkflowJson.writeTree(tree).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
