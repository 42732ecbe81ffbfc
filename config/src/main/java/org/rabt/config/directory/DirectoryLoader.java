package org.rabt.config.directory;

import java.io.IOException;
import java.io.InputStream;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.directory.Directory;
import org.rabt.mappings.directory.DirectoryJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads and validates the directory file once, at start: strict JSON, its JSON Schema, then unique
 * ids and sensible hours ({@link DirectoryJson}). Anything wrong is an
 * {@link InvalidDirectoryException} naming the file, the code and the place.
 */
final class DirectoryLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLoader.class);

    private final ResourceLoader resources;

    DirectoryLoader(ResourceLoader resources) {
        this.resources = resources;
    }

    DirectoryLoader() {
        this(new DefaultResourceLoader());
    }

    Directory load(String location) {
        byte[] bytes = read(location);
        Directory directory;
        try {
            directory = new DirectoryJson().read(bytes);
        } catch (MappingException e) {
            // the message carries the code and, where there is one, the place in the file
            throw new InvalidDirectoryException(location, e.getMessage(), e);
        }
        LOG.info("Directory of services, edition {} (in force from {}): {} organisations, {} services, from {}",
                directory.version(), directory.validFrom(), directory.organisations().size(),
                directory.services().size(), location);
        return directory;
    }

    private byte[] read(String location) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new InvalidDirectoryException(location, "there is no such file", null);
        }
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidDirectoryException(location, "it cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
