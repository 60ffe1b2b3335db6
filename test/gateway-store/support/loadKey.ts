// Child process of dataDir.test.ts: loads (or creates) the key of the data directory given as argument.
import { loadOrCreateSecretKey } from "../../../src/gateway/crypto/secretBox";

process.stdout.write(loadOrCreateSecretKey(null, process.argv[2]).toString("hex"));
