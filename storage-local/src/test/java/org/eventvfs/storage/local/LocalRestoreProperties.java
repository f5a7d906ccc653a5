package org.eventvfs.storage.local;

import org.eventvfs.testkit.RestoreProperties;
import org.eventvfs.testkit.StoreFixture;

class LocalRestoreProperties extends RestoreProperties {
    @Override
    protected StoreFixture fixture() {
        return new LocalStoreFixture();
    }
}
