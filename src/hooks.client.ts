// Before any module of the studio runs: the Web APIs an insecure origin (a workshop room over plain http) lacks.
import '$lib/platform/random-uuid';
