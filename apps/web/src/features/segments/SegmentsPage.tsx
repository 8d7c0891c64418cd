// The Segments area: the list at /segments, a new segment at /segments/new (optionally from ?rule= or
// ?template=), and a saved one at /segments/:id.
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { EditSegmentPage, NewSegmentPage } from './SegmentEditorPages';
import { SegmentListPage } from './SegmentListPage';
import '../../ui/controls.css';
import './segments.css';

export function SegmentsPage() {
  return (
    <Routes>
      <Route index element={<SegmentListPage />} />
      <Route path="new" element={<NewSegmentPage />} />
      <Route path=":id" element={<EditSegmentPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
