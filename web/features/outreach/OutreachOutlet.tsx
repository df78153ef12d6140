import type { RouteName } from '../../app/router.ts';
import { ConsultantsView } from '../consultants/ConsultantsView.tsx';
import { EventsView } from '../events/EventsView.tsx';
import { FollowUpsView } from '../follow-ups/FollowUpsView.tsx';
import { PeopleView } from '../people/PeopleView.tsx';
import { PipelineView } from '../pipeline/PipelineView.tsx';
import { ReportView } from '../report/ReportView.tsx';
import { SegmentsView } from '../segments/SegmentsView.tsx';
import './outreach.css';

/**
 * The outreach screens, for roles with the outreach scope only (the shell tells the others why:
 * App.tsx; the API refuses them too).
 */
export function OutreachOutlet({ name }: { name: RouteName }) {
  switch (name) {
    case 'people':
      return <PeopleView />;
    case 'segments':
      return <SegmentsView />;
    case 'events':
      return <EventsView />;
    case 'pipeline':
      return <PipelineView />;
    case 'follow-ups':
      return <FollowUpsView />;
    case 'report':
      return <ReportView />;
    case 'consultants':
      return <ConsultantsView />;
    default:
      return null;
  }
}
