// The seed table's ✅, drawn with CSS and a plain ✓ so it shows the same where no colour-emoji font is
// installed. Decorative: the text beside it says what is marked.
import './checkMark.css';

export function CheckMark() {
  return (
    <span className="check-mark" aria-hidden="true">
      ✓
    </span>
  );
}
