// Evidence on an experiment page: media uploads with a progress bar, and the measurements chart (Chart.js).
