package org.eventvfs.storage.local;

import org.eventvfs.testkit.ProjectionReplayProperties;
import org.eventvfs.testkit.StoreFixture;

class LocalProjectionReplayProperties extends ProjectionReplayProperties {
    @Override
    protected StoreFixture fixture() {
        return new LocalStoreFixture();
    }
}
