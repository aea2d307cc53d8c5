package org.onewindow.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds a content folder ({@code rules/}, {@code knowledge-base/}): the configured folder on disk
 * when it exists, otherwise the copy packaged in the application jar, so that the jar runs with no
 * configuration from any working directory.
 */
public final class ContentFolder {

    private ContentFolder() {
    }

    /**
     * @param configured  the configured path (may be relative to the working directory)
     * @param packagedDir the folder name inside the jar, e.g. {@code rules}
     * @param marker      a file that always exists in that folder, used to locate it on the classpath
     */
    public static Path resolve(String configured, String packagedDir, String marker) {
        Path onDisk = Path.of(configured);
        if (Files.isDirectory(onDisk)) {
            return onDisk.toAbsolutePath().normalize();
        }
        URL url = Thread.currentThread().getContextClassLoader().getResource(packagedDir + "/" + marker);
        if (url == null) {
            throw new IllegalStateException("neither the folder " + onDisk.toAbsolutePath()
                    + " nor a packaged " + packagedDir + "/ exists");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                return zipFileSystem(uri).getPath("/" + packagedDir);
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open packaged " + packagedDir + "/ at " + url, e);
        }
    }

    /** True when the path is the read-only packaged copy rather than a folder on disk. */
    public static boolean isPackaged(Path folder) {
        return !"file".equals(folder.toUri().getScheme());
    }

    private static FileSystem zipFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }
}
