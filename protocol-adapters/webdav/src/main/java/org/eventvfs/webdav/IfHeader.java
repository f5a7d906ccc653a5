package org.eventvfs.webdav;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The WebDAV {@code If} header (RFC 4918 §10.4): lists of conditions on lock tokens and entity tags,
 * each list for the request's resource or for the one its tag names. The header holds when any
 * list holds; a list holds when all of its conditions do. It also submits lock tokens.
 */
record IfHeader(List<ConditionList> lists) {
    /** One condition: a state token (a lock token or {@code DAV:no-lock}) or an entity tag, maybe negated. */
    record Condition(boolean not, String stateToken, String entityTag) {
    }

    /** @param resource the tagged resource's URI, or null for the request's own resource */
    record ConditionList(String resource, List<Condition> conditions) {
    }

    /** Parses the header; null when absent; a 400 DavException when malformed. */
    static IfHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return new Parser(header).header();
    }

    /** The lock tokens the header submits: every state token that is not negated. */
    Set<String> submittedTokens() {
        Set<String> tokens = new LinkedHashSet<>();
        for (ConditionList list : lists) {
            for (Condition c : list.conditions) {
                if (c.stateToken != null && !c.not) {
                    tokens.add(c.stateToken);
                }
            }
        }
        return tokens;
    }

    private static final class Parser {
        private final String s;
        private int at;

        Parser(String s) {
            this.s = s;
        }

        IfHeader header() {
            List<ConditionList> lists = new ArrayList<>();
            skipSpace();
            boolean tagged = peek() == '<';
            String resource = null;
            while (skipSpace()) {
                if (peek() == '<') {
                    if (!tagged) {
                        throw malformed("a resource tag after untagged lists");
                    }
                    resource = coded('<', '>');
                    skipSpace();
                    if (peek() != '(') {
                        throw malformed("a resource tag without a list");
                    }
                }
                lists.add(new ConditionList(resource, list()));
            }
            if (lists.isEmpty()) {
                throw malformed("no condition list");
            }
            return new IfHeader(List.copyOf(lists));
        }

        private List<Condition> list() {
            expect('(');
            List<Condition> conditions = new ArrayList<>();
            while (skipSpace() && peek() != ')') {
                boolean not = false;
                if (s.regionMatches(true, at, "Not", 0, 3)) {
                    not = true;
                    at += 3;
                    skipSpace();
                }
                char c = peek();
                if (c == '<') {
                    conditions.add(new Condition(not, coded('<', '>'), null));
                } else if (c == '[') {
                    conditions.add(new Condition(not, null, coded('[', ']')));
                } else {
                    throw malformed("unexpected '" + c + "'");
                }
            }
            expect(')');
            if (conditions.isEmpty()) {
                throw malformed("an empty list");
            }
            return List.copyOf(conditions);
        }

        private String coded(char open, char close) {
            expect(open);
            int end = s.indexOf(close, at);
            if (end < 0) {
                throw malformed("no closing '" + close + "'");
            }
            String value = s.substring(at, end).trim();
            at = end + 1;
            return value;
        }

        private void expect(char c) {
            if (at >= s.length() || s.charAt(at) != c) {
                throw malformed("expected '" + c + "'");
            }
            at++;
        }

        private char peek() {
            return s.charAt(at);
        }

        /** Skips white space; false at the end of the header. */
        private boolean skipSpace() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
            return at < s.length();
        }

        private DavException malformed(String why) {
            return new DavException(400, "malformed If header (" + why + " at " + at + "): " + s);
        }
    }
}
