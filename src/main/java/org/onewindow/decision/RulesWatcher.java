package org.onewindow.decision;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Recompiles when a file in the rules folder changes (dev mode, or when an operator enables
 * {@code onewindow.rules.watch}). Editors write a file in several steps, so changes are settled
 * for a short quiet period before one reload.
 */
public final class RulesWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);
    private static final long QUIET_MILLIS = 300;

    private final WatchService service;
    private final Thread thread;

    private RulesWatcher(WatchService service, Thread thread) {
        this.service = service;
        this.thread = thread;
    }

    public static RulesWatcher start(Path folder, Runnable reload) {
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            // the rule files live in sub-folders too (materials/); each folder is watched
            try (java.util.stream.Stream<Path> dirs = java.nio.file.Files.walk(folder)) {
                for (Path dir : dirs.filter(java.nio.file.Files::isDirectory).toList()) {
                    dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
                }
            }
            Thread thread = new Thread(() -> loop(service, reload), "rules-watcher");
            thread.setDaemon(true);
            thread.start();
            LOG.infof("watching %s for rule changes", folder);
            return new RulesWatcher(service, thread);
        } catch (IOException e) {
            LOG.warnf("cannot watch %s (%s); use the reload call instead", folder, e.getMessage());
            return null;
        }
    }

    private static void loop(WatchService service, Runnable reload) {
        try {
            while (true) {
                WatchKey key = service.take();
                key.pollEvents();
                key.reset();
                // settle: swallow the burst of events an editor produces for one save
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                try {
                    reload.run();
                } catch (RuntimeException | java.util.ServiceConfigurationError e) {
                    // e.g. the application is stopping while a reload compiles: keep watching or end quietly
                    LOG.error("reload after a rule change failed", e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException ignored) {
            // closing on shutdown
        }
        thread.interrupt();
    }
}
