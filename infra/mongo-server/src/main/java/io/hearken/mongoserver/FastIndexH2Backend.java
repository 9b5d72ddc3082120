package io.hearken.mongoserver;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend with the unique indexes ordered by {@link IndexKeyType}: the same file layout and
 * the same order, compared faster.
 *
 * <p>The backend opens an index's map by name ({@code <db>.<collection>._index_<name>}) with H2's default types. An
 * {@link MVStore} hands out the map already open under a name, so opening it first with the faster key type is all it
 * takes: the existing indexes when a database is opened (the backend does that from its constructor, and a database
 * opens its indexes from its own), a new index just before it is created.
 */
final class FastIndexH2Backend extends H2Backend {

    /** What separates the collection from the index name in the name of an index's map. */
    static final String INDEX_MAP_INFIX = "._index_";

    FastIndexH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MVStore store = getMvStore();
        String prefix = databaseName + ".";
        store.getMapNames().stream()
                .filter(name -> name.startsWith(prefix) && name.contains(INDEX_MAP_INFIX))
                .forEach(name -> openIndexMap(store, name));
        return new FastIndexH2Database(databaseName, store, getCursorRegistry());
    }

    static MVMap<Object, Object> openIndexMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<>().keyType(new IndexKeyType()));
    }

    /** A database whose new unique indexes get the faster key type too. */
    private static final class FastIndexH2Database extends H2Database {

        /** Null while the superclass constructor opens the existing indexes (their maps are open already). */
        private final MVStore store;

        FastIndexH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
            this.store = store;
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            if (store != null) {
                openIndexMap(store, getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName);
            }
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
