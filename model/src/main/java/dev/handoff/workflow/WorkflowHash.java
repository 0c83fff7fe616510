package dev.handoff.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of a workflow's meaning for run manifests: SHA-256 (hex) of its canonical JSON with the layout
 * removed (positions never change the semantics), the writer stamp removed (re-saving with another app version
 * does not change the workflow) and the format version removed (a migrated document means what it meant).
 */
public final class WorkflowHash {
    private WorkflowHash() {
    }

    /** 64 lower-case hex digits. */
    public static String of(Workflow workflow) {
        ObjectNode tree = canonicalTree(workflow);
        tree.remove("formatVersion");
        return sha256(tree);
    }

    /**
     * Whether {@code recorded} (a run manifest's {@code workflowHash}) is the hash of this workflow: as this build
     * computes it, or as format-1 builds did (they hashed {@code "formatVersion": 1} too), so that runs recorded before
     * format 2 still open. Only a workflow that format 1 could express (no neural settings) can match the old form.
     */
    public static boolean matches(Workflow workflow, String recorded) {
        if (of(workflow).equals(recorded)) {
            return true;
        }
        if (workflow.training() != null && workflow.training().neural() != null) {
            return false;
        }
        ObjectNode tree = canonicalTree(workflow);
        tree.put("formatVersion", 1);
        return sha256(tree).equals(recorded);
    }

    private static ObjectNode canonicalTree(Workflow workflow) {
        ObjectNode tree = WorkflowJson.toTree(workflow);
        tree.remove("layout");
        tree.remove("writtenBy");
        return tree;
    }

    private static String sha256(ObjectNode tree) {
        byte[] canonical = WorkflowJson.writeTree(tree).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
