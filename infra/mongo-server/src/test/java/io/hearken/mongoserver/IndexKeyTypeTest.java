package io.hearken.mongoserver;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IndexKeyTypeTest {

    /** Index keys of every shape Hearken's collections have, and some they may come to have. */
    private static List<Object> keys() {
        Random random = new Random(19);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add(new KeyValue(UUID.randomUUID().toString()));
        }
        keys.add(new KeyValue(""));
        keys.add(new KeyValue("r"));
        keys.add(new KeyValue("r-10"));
        keys.add(new KeyValue("r-9"));
        keys.add(new KeyValue("Ärger — 配達が遅い"));
        keys.add(new KeyValue("survey-projector:hearken.responses:0"));
        keys.add(new KeyValue("survey-projector:hearken.responses:10"));
        for (int i = 0; i < 10; i++) {
            keys.add(new KeyValue(random.nextInt(2000) - 1000));
            keys.add(new KeyValue(random.nextLong()));
            keys.add(new KeyValue("acme", random.nextInt(100)));
        }
        keys.add(new KeyValue(3.5));
        keys.add(new KeyValue((Object) null));
        keys.add(new KeyValue("acme", null));
        keys.add(new KeyValue("acme", "key-1", "survey-1"));
        keys.add(new KeyValue(new Document("tenant", "acme").append("id", "x")));
        return keys;
    }

    @Test
    void ordersEveryPairOfKeysAsH2sDefaultTypeDoes() {
        IndexKeyType fast = new IndexKeyType();
        ObjectDataType h2 = new ObjectDataType();
        List<Object> keys = keys();
        // Twice: the second round compares bytes remembered from the first.
        for (int round = 0; round < 2; round++) {
            for (Object a : keys) {
                for (Object b : keys) {
                    assertEquals(Integer.signum(h2.compare(a, b)), Integer.signum(fast.compare(a, b)),
                            a + " against " + b);
                }
            }
        }
    }

    @Test
    void ordersEqualKeysOfDifferentInstancesAsEqual() {
        assertEquals(0, new IndexKeyType().compare(new KeyValue("acme", 7), new KeyValue("acme", 7)));
    }

    @Test
    void leavesOtherKeysToH2sDefaultType() {
        IndexKeyType fast = new IndexKeyType();
        assertEquals(Integer.signum(new ObjectDataType().compare(3L, 12L)), Integer.signum(fast.compare(3L, 12L)));
        assertEquals(Integer.signum(new ObjectDataType().compare("b", "a")), Integer.signum(fast.compare("b", "a")));
    }
}
