package org.example;

import java.util.*;
import java.util.stream.Collectors;

/** Counts words. */
public final class Main {
    private static final int LIMIT = 10;

    @FunctionalInterface
    interface Counter<T> { Map<T, Long> count(List<T> items); }

    public static void main(String[] args) throws Exception {
        Counter<String> counter = items -> items.stream()
            .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        var words = Arrays.asList("a", "b", "a");
        System.out.printf("%s %d %c %.2f%n", counter.count(words), LIMIT, 'x', 1.5e3);
        char[] chars = new char[] { '\n', '\u00e9' };
        long big = 0xFFL + 1_000L;
    }
}
